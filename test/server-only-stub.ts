// `server-only` throws outside a React Server build; tests import server modules directly.
export {};
