// Imported first by parse-worker.ts, before any module builds a schema; on the page each schema module imports it first.
import './model/zod-jitless';
