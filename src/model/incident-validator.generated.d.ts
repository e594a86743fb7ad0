// Types for the generated fast validator (scripts/incident-validator.ts writes the module).
/** Whether `value` fits the shape the published JSON Schema describes; the schema's formats are not checked. */
export declare function validate(value: unknown): boolean;
/** Whether `value` fits the shape of one event, as the schema describes it for each item of `events`. */
export declare function validateEvent(value: unknown): boolean;
