// Imported first by every module that builds a zod schema, so no schema is ever built before this setting.
import { config } from 'zod/mini';

// The CSP forbids eval. zod builds each object schema with a new Function() probe unless told not to, which CSP
// blocks and reports as a violation; jitless parsing is slower only for very large files. Set here, in the model,
// because the bundler may place the schemas in a chunk that runs before the page's own first import.
config({ jitless: true });
