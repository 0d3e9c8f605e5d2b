/** The longest an API token lives unless configured otherwise (`CHITIEU_TOKEN_MAX_DAYS`). */
export const DEFAULT_TOKEN_MAX_DAYS = 365;
