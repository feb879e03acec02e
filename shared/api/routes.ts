// The HTTP API's one route table: the server registers its handlers from it, the desk calls
// through it (docs/architecture.md, Contracts). One file per domain, `*-routes.ts`.

export const routes = {} as const;
