// Imported first by main.tsx and parse-worker.ts: settings that must be in place before any module builds a schema.
import './model/zod-jitless';
