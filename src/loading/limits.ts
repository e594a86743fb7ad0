// Build-time settings of what may be loaded: other origins `?src=` may load from, and the largest file read.
import { DEFAULT_MAX_BYTES } from '../model/file-size';
import { parseAllowlist } from '../model/urls';

export const ALLOWED_SOURCES = parseAllowlist(import.meta.env.VITE_ALLOWED_SOURCES);

export const MAX_INCIDENT_BYTES =
  Number(import.meta.env.VITE_MAX_INCIDENT_BYTES) > 0
    ? Number(import.meta.env.VITE_MAX_INCIDENT_BYTES)
    : DEFAULT_MAX_BYTES;
