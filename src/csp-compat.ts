// Imported first by main.tsx and parse-worker.ts: settings that must be in place before any module builds a schema.
import { z } from 'zod';

// The CSP forbids eval. zod builds each object schema with a new Function() probe unless told not to, which CSP
// blocks and reports as a violation; jitless parsing is slower only for very large files.
z.config({ jitless: true });
