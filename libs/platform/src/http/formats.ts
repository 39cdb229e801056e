/** Wire formats of the contract: times ISO 8601 with an offset, dates YYYY-MM-DD. */
export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
