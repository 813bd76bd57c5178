/**
 * The API as TypeScript types, generated from GET /v1/openapi.json by `npm run api:types`; do not edit.
 * `npm run check:api` fails when this file is stale.
 */
export interface paths {
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process is running */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok';
            };
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: the database answers and every migration is applied */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ready';
              /** @enum {string} */
              database: 'postgres' | 'pglite';
              migration: number;
              last_maintenance_at: string | null;
              /** @description True when Stripe is the built-in emulator, not a real account */
              sandbox: boolean;
            };
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `migrations_pending`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether Vouch still needs its first owner (then the dashboard shows its set-up page) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'setup';
              /** @description True until the first owner is created */
              needed: boolean;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create the first owner and sign them in; works once, while no one can sign in
     * @description Allowed from the server itself (a loopback address, not forwarded by a proxy), or with the token of the one-time set-up link Vouch logs at start-up while it has no owner. Sets the session cookie.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            name: string;
            /** @description At least 10 characters */
            password: string;
            /** @description The token of the set-up link */
            token?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'session';
              user: {
                id: string;
                email: string;
                name: string;
                /**
                 * @description viewer: reads (all but the audit log and invites); editor: also campaigns, referrers, leads, codes, syncs and rewards; admin: also API keys, Stripe connections, webhook endpoints and the audit log; owner: also teammates and invites
                 * @enum {string}
                 */
                role: 'viewer' | 'editor' | 'admin' | 'owner';
              };
              /** @description Send it as the x-csrf-token header with every request that changes something; keep it in memory */
              csrf_token: string;
              /** @description The session ends then, however active */
              expires_at: string;
              /** @description The session ends then unless it is used before */
              idle_expires_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `setup_token_required`, `setup_token_invalid`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `setup_done`, `user_exists`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with email and password; sets the session cookie
     * @description A wrong email and a wrong password answer the same 401 sign_in_failed. Failed sign-ins are limited per account and per client (429 until Retry-After), across every Vouch process.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'session';
              user: {
                id: string;
                email: string;
                name: string;
                /**
                 * @description viewer: reads (all but the audit log and invites); editor: also campaigns, referrers, leads, codes, syncs and rewards; admin: also API keys, Stripe connections, webhook endpoints and the audit log; owner: also teammates and invites
                 * @enum {string}
                 */
                role: 'viewer' | 'editor' | 'admin' | 'owner';
              };
              /** @description Send it as the x-csrf-token header with every request that changes something; keep it in memory */
              csrf_token: string;
              /** @description The session ends then, however active */
              expires_at: string;
              /** @description The session ends then unless it is used before */
              idle_expires_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `sign_in_failed`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in teammate, and the CSRF token their writes must send (x-csrf-token) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'session';
              user: {
                id: string;
                email: string;
                name: string;
                /**
                 * @description viewer: reads (all but the audit log and invites); editor: also campaigns, referrers, leads, codes, syncs and rewards; admin: also API keys, Stripe connections, webhook endpoints and the audit log; owner: also teammates and invites
                 * @enum {string}
                 */
                role: 'viewer' | 'editor' | 'admin' | 'owner';
              };
              /** @description Send it as the x-csrf-token header with every request that changes something; keep it in memory */
              csrf_token: string;
              /** @description The session ends then, however active */
              expires_at: string;
              /** @description The session ends then unless it is used before */
              idle_expires_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `session_missing`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Sign out: this session ends and its cookie is cleared */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'sign_out';
              /** @description How many sessions ended: 1, or every one of the teammate */
              sessions_ended: number;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `session_missing`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `csrf_token_invalid`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/session/sign_out_everywhere': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End every session of the signed-in teammate, on every device, this one included */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'sign_out';
              /** @description How many sessions ended: 1, or every one of the teammate */
              sessions_ended: number;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `session_missing`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `csrf_token_invalid`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List teammates, newest first */
    get: {
      parameters: {
        query?: {
          /** @description How many objects to return, 1 to 100 (default 10). */
          limit?: number;
          /** @description Cursor: the id of the last object on the previous page. */
          starting_after?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                id: string;
                /** @enum {string} */
                object: 'user';
                email: string;
                name: string;
                /**
                 * @description viewer: reads (all but the audit log and invites); editor: also campaigns, referrers, leads, codes, syncs and rewards; admin: also API keys, Stripe connections, webhook endpoints and the audit log; owner: also teammates and invites
                 * @enum {string}
                 */
                role: 'viewer' | 'editor' | 'admin' | 'owner';
                /** @description ISO 8601, UTC */
                created_at: string;
                last_sign_in_at: string | null;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Retrieve a teammate: email, name, role, when they joined and last signed in
     * @description Readable by every role, like the list (`GET /v1/users`); a removed teammate is gone (404).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'user';
              email: string;
              name: string;
              /**
               * @description viewer: reads (all but the audit log and invites); editor: also campaigns, referrers, leads, codes, syncs and rewards; admin: also API keys, Stripe connections, webhook endpoints and the audit log; owner: also teammates and invites
               * @enum {string}
               */
              role: 'viewer' | 'editor' | 'admin' | 'owner';
              /** @description ISO 8601, UTC */
              created_at: string;
              last_sign_in_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Remove a teammate: their sessions end at once; what they did stays in the audit log
     * @description The last owner cannot be removed (409 last_owner).
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'user';
              email: string;
              name: string;
              /**
               * @description viewer: reads (all but the audit log and invites); editor: also campaigns, referrers, leads, codes, syncs and rewards; admin: also API keys, Stripe connections, webhook endpoints and the audit log; owner: also teammates and invites
               * @enum {string}
               */
              role: 'viewer' | 'editor' | 'admin' | 'owner';
              /** @description ISO 8601, UTC */
              created_at: string;
              last_sign_in_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `last_owner`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a teammate's role; it applies at once, to every session they have
     * @description The last owner cannot be demoted (409 last_owner): make another teammate an owner first.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description viewer: reads (all but the audit log and invites); editor: also campaigns, referrers, leads, codes, syncs and rewards; admin: also API keys, Stripe connections, webhook endpoints and the audit log; owner: also teammates and invites
             * @enum {string}
             */
            role: 'viewer' | 'editor' | 'admin' | 'owner';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'user';
              email: string;
              name: string;
              /**
               * @description viewer: reads (all but the audit log and invites); editor: also campaigns, referrers, leads, codes, syncs and rewards; admin: also API keys, Stripe connections, webhook endpoints and the audit log; owner: also teammates and invites
               * @enum {string}
               */
              role: 'viewer' | 'editor' | 'admin' | 'owner';
              /** @description ISO 8601, UTC */
              created_at: string;
              last_sign_in_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `last_owner`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/invites': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open invitations (not accepted, withdrawn or expired), newest first */
    get: {
      parameters: {
        query?: {
          /** @description How many objects to return, 1 to 100 (default 10). */
          limit?: number;
          /** @description Cursor: the id of the last object on the previous page. */
          starting_after?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                id: string;
                /** @enum {string} */
                object: 'invite';
                email: string;
                /**
                 * @description viewer: reads (all but the audit log and invites); editor: also campaigns, referrers, leads, codes, syncs and rewards; admin: also API keys, Stripe connections, webhook endpoints and the audit log; owner: also teammates and invites
                 * @enum {string}
                 */
                role: 'viewer' | 'editor' | 'admin' | 'owner';
                /** @description The id of the teammate who invited; null once they are removed */
                invited_by: string | null;
                /** @description ISO 8601, UTC */
                created_at: string;
                /** @description ISO 8601, UTC */
                expires_at: string;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Invite someone as a teammate: the answer holds the link to send them, shown only this once
     * @description The link works for 7 days, once. A new invitation for the same email replaces the open one.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            /**
             * @description viewer: reads (all but the audit log and invites); editor: also campaigns, referrers, leads, codes, syncs and rewards; admin: also API keys, Stripe connections, webhook endpoints and the audit log; owner: also teammates and invites
             * @enum {string}
             */
            role: 'viewer' | 'editor' | 'admin' | 'owner';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'invite';
              email: string;
              /**
               * @description viewer: reads (all but the audit log and invites); editor: also campaigns, referrers, leads, codes, syncs and rewards; admin: also API keys, Stripe connections, webhook endpoints and the audit log; owner: also teammates and invites
               * @enum {string}
               */
              role: 'viewer' | 'editor' | 'admin' | 'owner';
              /** @description The id of the teammate who invited; null once they are removed */
              invited_by: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              expires_at: string;
              /** @description The link to send the invitee; shown only in this response */
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `user_exists`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/invites/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Withdraw an invitation: its link stops working */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'invite';
              email: string;
              /**
               * @description viewer: reads (all but the audit log and invites); editor: also campaigns, referrers, leads, codes, syncs and rewards; admin: also API keys, Stripe connections, webhook endpoints and the audit log; owner: also teammates and invites
               * @enum {string}
               */
              role: 'viewer' | 'editor' | 'admin' | 'owner';
              /** @description The id of the teammate who invited; null once they are removed */
              invited_by: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              expires_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `invite_accepted`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/invites/lookup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What an invitation link is for (email and role), for the page where it is accepted */
    get: {
      parameters: {
        query: {
          /** @description The token of the invitation link */
          token: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'invite';
              email: string;
              /**
               * @description viewer: reads (all but the audit log and invites); editor: also campaigns, referrers, leads, codes, syncs and rewards; admin: also API keys, Stripe connections, webhook endpoints and the audit log; owner: also teammates and invites
               * @enum {string}
               */
              role: 'viewer' | 'editor' | 'admin' | 'owner';
              /** @description ISO 8601, UTC */
              expires_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `invite_invalid`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `invite_accepted`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The object is gone: `invite_expired`, `invite_revoked`. */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/invites/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept an invitation: become a teammate with the invitation's role, and sign in
     * @description Works once per invitation; sets the session cookie.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The token of the invitation link */
            token: string;
            name: string;
            /** @description At least 10 characters */
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'session';
              user: {
                id: string;
                email: string;
                name: string;
                /**
                 * @description viewer: reads (all but the audit log and invites); editor: also campaigns, referrers, leads, codes, syncs and rewards; admin: also API keys, Stripe connections, webhook endpoints and the audit log; owner: also teammates and invites
                 * @enum {string}
                 */
                role: 'viewer' | 'editor' | 'admin' | 'owner';
              };
              /** @description Send it as the x-csrf-token header with every request that changes something; keep it in memory */
              csrf_token: string;
              /** @description The session ends then, however active */
              expires_at: string;
              /** @description The session ends then unless it is used before */
              idle_expires_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `invite_invalid`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `invite_accepted`, `user_exists`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The object is gone: `invite_expired`, `invite_revoked`. */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit_log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who changed what, and when: newest first, filtered by actor or object */
    get: {
      parameters: {
        query?: {
          /** @description How many objects to return, 1 to 100 (default 10). */
          limit?: number;
          /** @description Cursor: the id of the last object on the previous page. */
          starting_after?: string;
          /** @description A user's or API key's id, or cli */
          actor_id?: string;
          /** @description campaign, api_key, user, invite, ... */
          object_type?: string;
          object_id?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                id: string;
                /** @enum {string} */
                object: 'audit_entry';
                actor: {
                  /** @enum {string} */
                  kind: 'user' | 'api_key' | 'cli';
                  /** @description A user's or API key's id; cli for the command line */
                  id: string;
                  /** @description The teammate's email, the key's name, or the operator's login */
                  label: string;
                };
                /** @description What was done: campaign.updated, api_key.created, teammate.role_changed, ... */
                action: string;
                object_type: string;
                object_id: string;
                /** @description What changed: field names and their new values (an object as JSON text), never secrets */
                data: {
                  [key: string]: string | number | boolean | null | string[];
                };
                /** @description ISO 8601, UTC */
                created_at: string;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api_keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List API keys, newest first */
    get: {
      parameters: {
        query?: {
          /** @description How many objects to return, 1 to 100 (default 10). */
          limit?: number;
          /** @description Cursor: the id of the last object on the previous page. */
          starting_after?: string;
          include_revoked?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                id: string;
                /** @enum {string} */
                object: 'api_key';
                name: string;
                /** @enum {string} */
                kind: 'secret' | 'publishable';
                /**
                 * @description What the key may do, as a teammate of that role would (publishable keys: viewer, unused)
                 * @enum {string}
                 */
                role: 'viewer' | 'editor' | 'admin';
                last_four: string;
                /** @description Publishable keys: the only campaigns the key may be used for; null for every campaign */
                campaign_ids: string[] | null;
                /** @description ISO 8601, UTC */
                created_at: string;
                last_used_at: string | null;
                revoked_at: string | null;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create an API key; the response is the only time its secret is shown */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /**
             * @default secret
             * @enum {string}
             */
            kind?: 'secret' | 'publishable';
            /**
             * @description Secret keys: what the key may do (default admin); at most the role of whoever creates it
             * @enum {string}
             */
            role?: 'viewer' | 'editor' | 'admin';
            /** @description Publishable keys only: limit the key to these campaigns (default: every campaign) */
            campaign_ids?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'api_key';
              name: string;
              /** @enum {string} */
              kind: 'secret' | 'publishable';
              /**
               * @description What the key may do, as a teammate of that role would (publishable keys: viewer, unused)
               * @enum {string}
               */
              role: 'viewer' | 'editor' | 'admin';
              last_four: string;
              /** @description Publishable keys: the only campaigns the key may be used for; null for every campaign */
              campaign_ids: string[] | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              last_used_at: string | null;
              revoked_at: string | null;
              secret: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api_keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Retrieve an API key (never its secret) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'api_key';
              name: string;
              /** @enum {string} */
              kind: 'secret' | 'publishable';
              /**
               * @description What the key may do, as a teammate of that role would (publishable keys: viewer, unused)
               * @enum {string}
               */
              role: 'viewer' | 'editor' | 'admin';
              last_four: string;
              /** @description Publishable keys: the only campaigns the key may be used for; null for every campaign */
              campaign_ids: string[] | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              last_used_at: string | null;
              revoked_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api_keys/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke an API key; requests with it fail from now on */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'api_key';
              name: string;
              /** @enum {string} */
              kind: 'secret' | 'publishable';
              /**
               * @description What the key may do, as a teammate of that role would (publishable keys: viewer, unused)
               * @enum {string}
               */
              role: 'viewer' | 'editor' | 'admin';
              last_four: string;
              /** @description Publishable keys: the only campaigns the key may be used for; null for every campaign */
              campaign_ids: string[] | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              last_used_at: string | null;
              revoked_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List campaigns, newest first */
    get: {
      parameters: {
        query?: {
          /** @description How many objects to return, 1 to 100 (default 10). */
          limit?: number;
          /** @description Cursor: the id of the last object on the previous page. */
          starting_after?: string;
          status?: 'draft' | 'live' | 'paused' | 'archived';
          /** @description Only the campaigns on this Stripe connection */
          connection_id?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                id: string;
                /** @enum {string} */
                object: 'campaign';
                name: string;
                /** @enum {string} */
                status: 'draft' | 'live' | 'paused' | 'archived';
                /** @description Where referral links land; null lands on the hosted friend page */
                destination_url: string | null;
                participant_limit: number | null;
                /**
                 * @description Who takes a place under participant_limit. verified (default): people who signed up on a public surface (a browser with the publishable key, a hosted page) take one only at their first payment (a referrer who joined on the hosted page: when a friend of theirs pays), so strangers cannot fill the campaign; everyone else at once. all: everyone when recorded.
                 * @enum {string}
                 */
                participant_limit_counts: 'verified' | 'all';
                /** @description Referrers plus leads that were not rejected and hold a place (see participant_limit_counts) */
                participants_count: number;
                allowed_origins: string[];
                cookie_days: number;
                auto_referral_codes: boolean;
                /** @description The Stripe connection this campaign reads payments from and writes customers to */
                connection_id: string | null;
                qualification:
                  | (
                      | {
                          /**
                           * @description Qualify when the friend spends more than the target
                           * @enum {string}
                           */
                          method: 'spend';
                          /** @description Net spend must exceed this, in minor units of the connection default currency */
                          target_amount: number;
                          /** @description Attribution window from the referral */
                          window_days: number;
                          /**
                           * @description A refund or dispute in the window that brings net spend to the target or below takes it back
                           * @default true
                           */
                          refunds_unqualify: boolean;
                        }
                      | {
                          /**
                           * @description Qualify as soon as the friend uses the referrer's code (its rules kept), at checkout or offline
                           * @enum {string}
                           */
                          method: 'code';
                          /** @description How long after the referral a use counts */
                          window_days: number;
                          /**
                           * @description Refunds or disputes that bring what the friend paid back to zero take it back
                           * @default true
                           */
                          refunds_unqualify: boolean;
                        }
                    )
                  | null;
                customers: {
                  /**
                   * @description wait_for_checkout: the business's own checkout creates the customer (matched by email); immediately: Vouch creates it
                   * @default wait_for_checkout
                   * @enum {string}
                   */
                  create: 'wait_for_checkout' | 'immediately';
                  /**
                   * @description When a customer with the friend's email already exists
                   * @default do_not_create
                   * @enum {string}
                   */
                  existing_customer: 'do_not_create' | 'create_duplicate' | 'update_existing';
                  /**
                   * @description Make each referrer a Stripe customer too (never qualified); existing customers are linked, not duplicated, unless create_duplicate
                   * @default false
                   */
                  referrers_to_stripe: boolean;
                  /** @description Which Vouch fields go on the friend's Stripe customer */
                  friend_customer: {
                    /**
                     * @description The customer's email: the friend's email, which Stripe customers are matched by
                     * @default lead.email
                     * @enum {string}
                     */
                    email: 'lead.email';
                    /**
                     * @description The customer's name: the friend's first and last name, or first name only
                     * @default lead.full_name
                     * @enum {string}
                     */
                    name: 'lead.full_name' | 'lead.first_name';
                    /**
                     * @description Send as metadata, {"<Stripe metadata key>": "<Vouch field>"}: keys of at most 40 characters without [ or ], at most 50; fields: lead.id, lead.email, lead.first_name, lead.last_name, lead.full_name, lead.metadata.<key>, referrer.id, referrer.email, referrer.first_name, referrer.last_name, referrer.full_name, referrer.referral_code, referrer.referral_link, referrer.metadata.<key>. Must include lead.id. A field the person does not have (a metadata key absent on them, no referral code) is not sent; values are cut to 500 characters
                     * @default {
                     *       "vouch_lead_id": "lead.id",
                     *       "vouch_referrer_email": "referrer.email",
                     *       "vouch_referral_code": "referrer.referral_code"
                     *     }
                     */
                    metadata: {
                      [key: string]: string;
                    };
                  };
                  /** @description Which Vouch fields go on the referrer's Stripe customer (with referrers_to_stripe) */
                  referrer_customer: {
                    /**
                     * @description The customer's email: the referrer's email
                     * @default referrer.email
                     * @enum {string}
                     */
                    email: 'referrer.email';
                    /**
                     * @description The customer's name: the referrer's first and last name, or first name only
                     * @default referrer.full_name
                     * @enum {string}
                     */
                    name: 'referrer.full_name' | 'referrer.first_name';
                    /**
                     * @description Send as metadata, {"<Stripe metadata key>": "<Vouch field>"}, with the limits of friend_customer.metadata; fields: referrer.id, referrer.email, referrer.first_name, referrer.last_name, referrer.full_name, referrer.referral_code, referrer.referral_link, referrer.metadata.<key>
                     * @default {
                     *       "vouch_referrer_id": "referrer.id",
                     *       "vouch_referral_code": "referrer.referral_code"
                     *     }
                     */
                    metadata: {
                      [key: string]: string;
                    };
                  };
                };
                code_rules: {
                  /**
                   * @description Only a customer's first order may use a code
                   * @default false
                   */
                  first_time_only: boolean;
                  /**
                   * @description Uses allowed per code; null for no limit
                   * @default null
                   */
                  max_redemptions: number | null;
                  /**
                   * @description When codes stop working (ISO time); null for never
                   * @default null
                   */
                  expires_at: string | null;
                  /**
                   * @description The smallest order, before the discount, a code applies to
                   * @default null
                   */
                  minimum_amount: {
                    /** @description Minor units */
                    amount: number;
                    /** @description Three-letter ISO currency code (kept lower-case) */
                    currency: string;
                  } | null;
                };
                auto_promotion_codes: boolean;
                rewards: {
                  /**
                   * @description What the person referring gets
                   * @default null
                   */
                  referrer:
                    | (
                        | {
                            /**
                             * @description A Stripe coupon applied to the person's subscription
                             * @enum {string}
                             */
                            kind: 'coupon';
                            coupon_id: string;
                          }
                        | {
                            /**
                             * @description Credit on the person's Stripe customer balance
                             * @enum {string}
                             */
                            kind: 'balance_credit';
                            /** @description Minor units */
                            amount: number;
                            /** @description Three-letter ISO currency code (kept lower-case) */
                            currency: string;
                          }
                        | {
                            /**
                             * @description A single-use promotion code made for that person
                             * @enum {string}
                             */
                            kind: 'promotion_code';
                            coupon_id: string;
                          }
                      )
                    | null;
                  /**
                   * @description What the friend gets
                   * @default null
                   */
                  friend:
                    | (
                        | {
                            /**
                             * @description A Stripe coupon applied to the person's subscription
                             * @enum {string}
                             */
                            kind: 'coupon';
                            coupon_id: string;
                          }
                        | {
                            /**
                             * @description Credit on the person's Stripe customer balance
                             * @enum {string}
                             */
                            kind: 'balance_credit';
                            /** @description Minor units */
                            amount: number;
                            /** @description Three-letter ISO currency code (kept lower-case) */
                            currency: string;
                          }
                        | {
                            /**
                             * @description A single-use promotion code made for that person
                             * @enum {string}
                             */
                            kind: 'promotion_code';
                            coupon_id: string;
                          }
                      )
                    | null;
                  /**
                   * @description Most rewards one referrer receives; null for no cap
                   * @default null
                   */
                  max_per_referrer: number | null;
                  /**
                   * @description Most credit given in all (counts balance credit rewards in that currency); null for no budget
                   * @default null
                   */
                  budget: {
                    amount: number;
                    /** @description Three-letter ISO currency code (kept lower-case) */
                    currency: string;
                  } | null;
                  /**
                   * @description Issue this many days after qualification, if the lead is still qualified
                   * @default 0
                   */
                  hold_days: number;
                  /**
                   * @description Every reward waits for POST /v1/rewards/{id}/approve
                   * @default false
                   */
                  manual_approval: boolean;
                } | null;
                branding: {
                  /**
                   * @description Buttons and links' colour; button text is black or white, whichever reads better
                   * @default null
                   */
                  accent_color: string | null;
                  /**
                   * @description Page background; null follows the reader’s light or dark setting
                   * @default null
                   */
                  background_color: string | null;
                  /**
                   * @description Text colour; set it with background_color
                   * @default null
                   */
                  text_color: string | null;
                };
                /** @description The hosted page where people join as referrers */
                join_url: string;
                /** @description ISO 8601, UTC */
                created_at: string;
                /** @description ISO 8601, UTC */
                updated_at: string;
                archived_at: string | null;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a campaign (a referral program) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /**
             * @description Archive with POST /v1/campaigns/{id}/archive
             * @enum {string}
             */
            status?: 'draft' | 'live' | 'paused';
            destination_url?: string | null;
            participant_limit?: number | null;
            /**
             * @description Who takes a place under participant_limit. verified (default): people who signed up on a public surface (a browser with the publishable key, a hosted page) take one only at their first payment (a referrer who joined on the hosted page: when a friend of theirs pays), so strangers cannot fill the campaign; everyone else at once. all: everyone when recorded.
             * @enum {string}
             */
            participant_limit_counts?: 'verified' | 'all';
            /** @description Sites whose pages may call the browser endpoints */
            allowed_origins?: string[];
            /** @description How long the snippet remembers a referral */
            cookie_days?: number;
            /** @description Give every new referrer a referral code */
            auto_referral_codes?: boolean;
            /** @description The Stripe connection (conn_...) this campaign uses */
            connection_id?: string | null;
            /** @description How leads qualify; null for not at all */
            qualification?:
              | (
                  | {
                      /**
                       * @description Qualify when the friend spends more than the target
                       * @enum {string}
                       */
                      method: 'spend';
                      /** @description Net spend must exceed this, in minor units of the connection default currency */
                      target_amount: number;
                      /** @description Attribution window from the referral */
                      window_days: number;
                      /**
                       * @description A refund or dispute in the window that brings net spend to the target or below takes it back
                       * @default true
                       */
                      refunds_unqualify?: boolean;
                    }
                  | {
                      /**
                       * @description Qualify as soon as the friend uses the referrer's code (its rules kept), at checkout or offline
                       * @enum {string}
                       */
                      method: 'code';
                      /** @description How long after the referral a use counts */
                      window_days: number;
                      /**
                       * @description Refunds or disputes that bring what the friend paid back to zero take it back
                       * @default true
                       */
                      refunds_unqualify?: boolean;
                    }
                )
              | null;
            /** @description How friends and referrers become Stripe customers */
            customers?: {
              /**
               * @description wait_for_checkout: the business's own checkout creates the customer (matched by email); immediately: Vouch creates it
               * @default wait_for_checkout
               * @enum {string}
               */
              create?: 'wait_for_checkout' | 'immediately';
              /**
               * @description When a customer with the friend's email already exists
               * @default do_not_create
               * @enum {string}
               */
              existing_customer?: 'do_not_create' | 'create_duplicate' | 'update_existing';
              /**
               * @description Make each referrer a Stripe customer too (never qualified); existing customers are linked, not duplicated, unless create_duplicate
               * @default false
               */
              referrers_to_stripe?: boolean;
              /**
               * @description Which Vouch fields go on the friend's Stripe customer
               * @default {}
               */
              friend_customer?: {
                /**
                 * @description The customer's email: the friend's email, which Stripe customers are matched by
                 * @default lead.email
                 * @enum {string}
                 */
                email?: 'lead.email';
                /**
                 * @description The customer's name: the friend's first and last name, or first name only
                 * @default lead.full_name
                 * @enum {string}
                 */
                name?: 'lead.full_name' | 'lead.first_name';
                /**
                 * @description Send as metadata, {"<Stripe metadata key>": "<Vouch field>"}: keys of at most 40 characters without [ or ], at most 50; fields: lead.id, lead.email, lead.first_name, lead.last_name, lead.full_name, lead.metadata.<key>, referrer.id, referrer.email, referrer.first_name, referrer.last_name, referrer.full_name, referrer.referral_code, referrer.referral_link, referrer.metadata.<key>. Must include lead.id. A field the person does not have (a metadata key absent on them, no referral code) is not sent; values are cut to 500 characters
                 * @default {
                 *       "vouch_lead_id": "lead.id",
                 *       "vouch_referrer_email": "referrer.email",
                 *       "vouch_referral_code": "referrer.referral_code"
                 *     }
                 */
                metadata?: {
                  [key: string]: string;
                };
              };
              /**
               * @description Which Vouch fields go on the referrer's Stripe customer (with referrers_to_stripe)
               * @default {}
               */
              referrer_customer?: {
                /**
                 * @description The customer's email: the referrer's email
                 * @default referrer.email
                 * @enum {string}
                 */
                email?: 'referrer.email';
                /**
                 * @description The customer's name: the referrer's first and last name, or first name only
                 * @default referrer.full_name
                 * @enum {string}
                 */
                name?: 'referrer.full_name' | 'referrer.first_name';
                /**
                 * @description Send as metadata, {"<Stripe metadata key>": "<Vouch field>"}, with the limits of friend_customer.metadata; fields: referrer.id, referrer.email, referrer.first_name, referrer.last_name, referrer.full_name, referrer.referral_code, referrer.referral_link, referrer.metadata.<key>
                 * @default {
                 *       "vouch_referrer_id": "referrer.id",
                 *       "vouch_referral_code": "referrer.referral_code"
                 *     }
                 */
                metadata?: {
                  [key: string]: string;
                };
              };
            };
            /** @description Rules each promotion code is made with; changes apply to codes made afterwards */
            code_rules?: {
              /**
               * @description Only a customer's first order may use a code
               * @default false
               */
              first_time_only?: boolean;
              /**
               * @description Uses allowed per code; null for no limit
               * @default null
               */
              max_redemptions?: number | null;
              /**
               * @description When codes stop working (ISO time); null for never
               * @default null
               */
              expires_at?: string | null;
              /**
               * @description The smallest order, before the discount, a code applies to
               * @default null
               */
              minimum_amount?: {
                /** @description Minor units */
                amount: number;
                /** @description Three-letter ISO currency code (kept lower-case) */
                currency: string;
              } | null;
            };
            /** @description Make a Stripe promotion code for every new referrer once the campaign has a coupon */
            auto_promotion_codes?: boolean;
            /** @description What a qualified referral gives, through Stripe */
            rewards?: {
              /**
               * @description What the person referring gets
               * @default null
               */
              referrer?:
                | (
                    | {
                        /**
                         * @description A Stripe coupon applied to the person's subscription
                         * @enum {string}
                         */
                        kind: 'coupon';
                        coupon_id: string;
                      }
                    | {
                        /**
                         * @description Credit on the person's Stripe customer balance
                         * @enum {string}
                         */
                        kind: 'balance_credit';
                        /** @description Minor units */
                        amount: number;
                        /** @description Three-letter ISO currency code (kept lower-case) */
                        currency: string;
                      }
                    | {
                        /**
                         * @description A single-use promotion code made for that person
                         * @enum {string}
                         */
                        kind: 'promotion_code';
                        coupon_id: string;
                      }
                  )
                | null;
              /**
               * @description What the friend gets
               * @default null
               */
              friend?:
                | (
                    | {
                        /**
                         * @description A Stripe coupon applied to the person's subscription
                         * @enum {string}
                         */
                        kind: 'coupon';
                        coupon_id: string;
                      }
                    | {
                        /**
                         * @description Credit on the person's Stripe customer balance
                         * @enum {string}
                         */
                        kind: 'balance_credit';
                        /** @description Minor units */
                        amount: number;
                        /** @description Three-letter ISO currency code (kept lower-case) */
                        currency: string;
                      }
                    | {
                        /**
                         * @description A single-use promotion code made for that person
                         * @enum {string}
                         */
                        kind: 'promotion_code';
                        coupon_id: string;
                      }
                  )
                | null;
              /**
               * @description Most rewards one referrer receives; null for no cap
               * @default null
               */
              max_per_referrer?: number | null;
              /**
               * @description Most credit given in all (counts balance credit rewards in that currency); null for no budget
               * @default null
               */
              budget?: {
                amount: number;
                /** @description Three-letter ISO currency code (kept lower-case) */
                currency: string;
              } | null;
              /**
               * @description Issue this many days after qualification, if the lead is still qualified
               * @default 0
               */
              hold_days?: number;
              /**
               * @description Every reward waits for POST /v1/rewards/{id}/approve
               * @default false
               */
              manual_approval?: boolean;
            } | null;
            /** @description The campaign's colours on the referrer's portal and widget */
            branding?: {
              /**
               * @description Buttons and links' colour; button text is black or white, whichever reads better
               * @default null
               */
              accent_color?: string | null;
              /**
               * @description Page background; null follows the reader’s light or dark setting
               * @default null
               */
              background_color?: string | null;
              /**
               * @description Text colour; set it with background_color
               * @default null
               */
              text_color?: string | null;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'campaign';
              name: string;
              /** @enum {string} */
              status: 'draft' | 'live' | 'paused' | 'archived';
              /** @description Where referral links land; null lands on the hosted friend page */
              destination_url: string | null;
              participant_limit: number | null;
              /**
               * @description Who takes a place under participant_limit. verified (default): people who signed up on a public surface (a browser with the publishable key, a hosted page) take one only at their first payment (a referrer who joined on the hosted page: when a friend of theirs pays), so strangers cannot fill the campaign; everyone else at once. all: everyone when recorded.
               * @enum {string}
               */
              participant_limit_counts: 'verified' | 'all';
              /** @description Referrers plus leads that were not rejected and hold a place (see participant_limit_counts) */
              participants_count: number;
              allowed_origins: string[];
              cookie_days: number;
              auto_referral_codes: boolean;
              /** @description The Stripe connection this campaign reads payments from and writes customers to */
              connection_id: string | null;
              qualification:
                | (
                    | {
                        /**
                         * @description Qualify when the friend spends more than the target
                         * @enum {string}
                         */
                        method: 'spend';
                        /** @description Net spend must exceed this, in minor units of the connection default currency */
                        target_amount: number;
                        /** @description Attribution window from the referral */
                        window_days: number;
                        /**
                         * @description A refund or dispute in the window that brings net spend to the target or below takes it back
                         * @default true
                         */
                        refunds_unqualify: boolean;
                      }
                    | {
                        /**
                         * @description Qualify as soon as the friend uses the referrer's code (its rules kept), at checkout or offline
                         * @enum {string}
                         */
                        method: 'code';
                        /** @description How long after the referral a use counts */
                        window_days: number;
                        /**
                         * @description Refunds or disputes that bring what the friend paid back to zero take it back
                         * @default true
                         */
                        refunds_unqualify: boolean;
                      }
                  )
                | null;
              customers: {
                /**
                 * @description wait_for_checkout: the business's own checkout creates the customer (matched by email); immediately: Vouch creates it
                 * @default wait_for_checkout
                 * @enum {string}
                 */
                create: 'wait_for_checkout' | 'immediately';
                /**
                 * @description When a customer with the friend's email already exists
                 * @default do_not_create
                 * @enum {string}
                 */
                existing_customer: 'do_not_create' | 'create_duplicate' | 'update_existing';
                /**
                 * @description Make each referrer a Stripe customer too (never qualified); existing customers are linked, not duplicated, unless create_duplicate
                 * @default false
                 */
                referrers_to_stripe: boolean;
                /** @description Which Vouch fields go on the friend's Stripe customer */
                friend_customer: {
                  /**
                   * @description The customer's email: the friend's email, which Stripe customers are matched by
                   * @default lead.email
                   * @enum {string}
                   */
                  email: 'lead.email';
                  /**
                   * @description The customer's name: the friend's first and last name, or first name only
                   * @default lead.full_name
                   * @enum {string}
                   */
                  name: 'lead.full_name' | 'lead.first_name';
                  /**
                   * @description Send as metadata, {"<Stripe metadata key>": "<Vouch field>"}: keys of at most 40 characters without [ or ], at most 50; fields: lead.id, lead.email, lead.first_name, lead.last_name, lead.full_name, lead.metadata.<key>, referrer.id, referrer.email, referrer.first_name, referrer.last_name, referrer.full_name, referrer.referral_code, referrer.referral_link, referrer.metadata.<key>. Must include lead.id. A field the person does not have (a metadata key absent on them, no referral code) is not sent; values are cut to 500 characters
                   * @default {
                   *       "vouch_lead_id": "lead.id",
                   *       "vouch_referrer_email": "referrer.email",
                   *       "vouch_referral_code": "referrer.referral_code"
                   *     }
                   */
                  metadata: {
                    [key: string]: string;
                  };
                };
                /** @description Which Vouch fields go on the referrer's Stripe customer (with referrers_to_stripe) */
                referrer_customer: {
                  /**
                   * @description The customer's email: the referrer's email
                   * @default referrer.email
                   * @enum {string}
                   */
                  email: 'referrer.email';
                  /**
                   * @description The customer's name: the referrer's first and last name, or first name only
                   * @default referrer.full_name
                   * @enum {string}
                   */
                  name: 'referrer.full_name' | 'referrer.first_name';
                  /**
                   * @description Send as metadata, {"<Stripe metadata key>": "<Vouch field>"}, with the limits of friend_customer.metadata; fields: referrer.id, referrer.email, referrer.first_name, referrer.last_name, referrer.full_name, referrer.referral_code, referrer.referral_link, referrer.metadata.<key>
                   * @default {
                   *       "vouch_referrer_id": "referrer.id",
                   *       "vouch_referral_code": "referrer.referral_code"
                   *     }
                   */
                  metadata: {
                    [key: string]: string;
                  };
                };
              };
              code_rules: {
                /**
                 * @description Only a customer's first order may use a code
                 * @default false
                 */
                first_time_only: boolean;
                /**
                 * @description Uses allowed per code; null for no limit
                 * @default null
                 */
                max_redemptions: number | null;
                /**
                 * @description When codes stop working (ISO time); null for never
                 * @default null
                 */
                expires_at: string | null;
                /**
                 * @description The smallest order, before the discount, a code applies to
                 * @default null
                 */
                minimum_amount: {
                  /** @description Minor units */
                  amount: number;
                  /** @description Three-letter ISO currency code (kept lower-case) */
                  currency: string;
                } | null;
              };
              auto_promotion_codes: boolean;
              rewards: {
                /**
                 * @description What the person referring gets
                 * @default null
                 */
                referrer:
                  | (
                      | {
                          /**
                           * @description A Stripe coupon applied to the person's subscription
                           * @enum {string}
                           */
                          kind: 'coupon';
                          coupon_id: string;
                        }
                      | {
                          /**
                           * @description Credit on the person's Stripe customer balance
                           * @enum {string}
                           */
                          kind: 'balance_credit';
                          /** @description Minor units */
                          amount: number;
                          /** @description Three-letter ISO currency code (kept lower-case) */
                          currency: string;
                        }
                      | {
                          /**
                           * @description A single-use promotion code made for that person
                           * @enum {string}
                           */
                          kind: 'promotion_code';
                          coupon_id: string;
                        }
                    )
                  | null;
                /**
                 * @description What the friend gets
                 * @default null
                 */
                friend:
                  | (
                      | {
                          /**
                           * @description A Stripe coupon applied to the person's subscription
                           * @enum {string}
                           */
                          kind: 'coupon';
                          coupon_id: string;
                        }
                      | {
                          /**
                           * @description Credit on the person's Stripe customer balance
                           * @enum {string}
                           */
                          kind: 'balance_credit';
                          /** @description Minor units */
                          amount: number;
                          /** @description Three-letter ISO currency code (kept lower-case) */
                          currency: string;
                        }
                      | {
                          /**
                           * @description A single-use promotion code made for that person
                           * @enum {string}
                           */
                          kind: 'promotion_code';
                          coupon_id: string;
                        }
                    )
                  | null;
                /**
                 * @description Most rewards one referrer receives; null for no cap
                 * @default null
                 */
                max_per_referrer: number | null;
                /**
                 * @description Most credit given in all (counts balance credit rewards in that currency); null for no budget
                 * @default null
                 */
                budget: {
                  amount: number;
                  /** @description Three-letter ISO currency code (kept lower-case) */
                  currency: string;
                } | null;
                /**
                 * @description Issue this many days after qualification, if the lead is still qualified
                 * @default 0
                 */
                hold_days: number;
                /**
                 * @description Every reward waits for POST /v1/rewards/{id}/approve
                 * @default false
                 */
                manual_approval: boolean;
              } | null;
              branding: {
                /**
                 * @description Buttons and links' colour; button text is black or white, whichever reads better
                 * @default null
                 */
                accent_color: string | null;
                /**
                 * @description Page background; null follows the reader’s light or dark setting
                 * @default null
                 */
                background_color: string | null;
                /**
                 * @description Text colour; set it with background_color
                 * @default null
                 */
                text_color: string | null;
              };
              /** @description The hosted page where people join as referrers */
              join_url: string;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
              archived_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `connection_disconnected`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The object is gone: `connection_disconnected`. */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Retrieve a campaign */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'campaign';
              name: string;
              /** @enum {string} */
              status: 'draft' | 'live' | 'paused' | 'archived';
              /** @description Where referral links land; null lands on the hosted friend page */
              destination_url: string | null;
              participant_limit: number | null;
              /**
               * @description Who takes a place under participant_limit. verified (default): people who signed up on a public surface (a browser with the publishable key, a hosted page) take one only at their first payment (a referrer who joined on the hosted page: when a friend of theirs pays), so strangers cannot fill the campaign; everyone else at once. all: everyone when recorded.
               * @enum {string}
               */
              participant_limit_counts: 'verified' | 'all';
              /** @description Referrers plus leads that were not rejected and hold a place (see participant_limit_counts) */
              participants_count: number;
              allowed_origins: string[];
              cookie_days: number;
              auto_referral_codes: boolean;
              /** @description The Stripe connection this campaign reads payments from and writes customers to */
              connection_id: string | null;
              qualification:
                | (
                    | {
                        /**
                         * @description Qualify when the friend spends more than the target
                         * @enum {string}
                         */
                        method: 'spend';
                        /** @description Net spend must exceed this, in minor units of the connection default currency */
                        target_amount: number;
                        /** @description Attribution window from the referral */
                        window_days: number;
                        /**
                         * @description A refund or dispute in the window that brings net spend to the target or below takes it back
                         * @default true
                         */
                        refunds_unqualify: boolean;
                      }
                    | {
                        /**
                         * @description Qualify as soon as the friend uses the referrer's code (its rules kept), at checkout or offline
                         * @enum {string}
                         */
                        method: 'code';
                        /** @description How long after the referral a use counts */
                        window_days: number;
                        /**
                         * @description Refunds or disputes that bring what the friend paid back to zero take it back
                         * @default true
                         */
                        refunds_unqualify: boolean;
                      }
                  )
                | null;
              customers: {
                /**
                 * @description wait_for_checkout: the business's own checkout creates the customer (matched by email); immediately: Vouch creates it
                 * @default wait_for_checkout
                 * @enum {string}
                 */
                create: 'wait_for_checkout' | 'immediately';
                /**
                 * @description When a customer with the friend's email already exists
                 * @default do_not_create
                 * @enum {string}
                 */
                existing_customer: 'do_not_create' | 'create_duplicate' | 'update_existing';
                /**
                 * @description Make each referrer a Stripe customer too (never qualified); existing customers are linked, not duplicated, unless create_duplicate
                 * @default false
                 */
                referrers_to_stripe: boolean;
                /** @description Which Vouch fields go on the friend's Stripe customer */
                friend_customer: {
                  /**
                   * @description The customer's email: the friend's email, which Stripe customers are matched by
                   * @default lead.email
                   * @enum {string}
                   */
                  email: 'lead.email';
                  /**
                   * @description The customer's name: the friend's first and last name, or first name only
                   * @default lead.full_name
                   * @enum {string}
                   */
                  name: 'lead.full_name' | 'lead.first_name';
                  /**
                   * @description Send as metadata, {"<Stripe metadata key>": "<Vouch field>"}: keys of at most 40 characters without [ or ], at most 50; fields: lead.id, lead.email, lead.first_name, lead.last_name, lead.full_name, lead.metadata.<key>, referrer.id, referrer.email, referrer.first_name, referrer.last_name, referrer.full_name, referrer.referral_code, referrer.referral_link, referrer.metadata.<key>. Must include lead.id. A field the person does not have (a metadata key absent on them, no referral code) is not sent; values are cut to 500 characters
                   * @default {
                   *       "vouch_lead_id": "lead.id",
                   *       "vouch_referrer_email": "referrer.email",
                   *       "vouch_referral_code": "referrer.referral_code"
                   *     }
                   */
                  metadata: {
                    [key: string]: string;
                  };
                };
                /** @description Which Vouch fields go on the referrer's Stripe customer (with referrers_to_stripe) */
                referrer_customer: {
                  /**
                   * @description The customer's email: the referrer's email
                   * @default referrer.email
                   * @enum {string}
                   */
                  email: 'referrer.email';
                  /**
                   * @description The customer's name: the referrer's first and last name, or first name only
                   * @default referrer.full_name
                   * @enum {string}
                   */
                  name: 'referrer.full_name' | 'referrer.first_name';
                  /**
                   * @description Send as metadata, {"<Stripe metadata key>": "<Vouch field>"}, with the limits of friend_customer.metadata; fields: referrer.id, referrer.email, referrer.first_name, referrer.last_name, referrer.full_name, referrer.referral_code, referrer.referral_link, referrer.metadata.<key>
                   * @default {
                   *       "vouch_referrer_id": "referrer.id",
                   *       "vouch_referral_code": "referrer.referral_code"
                   *     }
                   */
                  metadata: {
                    [key: string]: string;
                  };
                };
              };
              code_rules: {
                /**
                 * @description Only a customer's first order may use a code
                 * @default false
                 */
                first_time_only: boolean;
                /**
                 * @description Uses allowed per code; null for no limit
                 * @default null
                 */
                max_redemptions: number | null;
                /**
                 * @description When codes stop working (ISO time); null for never
                 * @default null
                 */
                expires_at: string | null;
                /**
                 * @description The smallest order, before the discount, a code applies to
                 * @default null
                 */
                minimum_amount: {
                  /** @description Minor units */
                  amount: number;
                  /** @description Three-letter ISO currency code (kept lower-case) */
                  currency: string;
                } | null;
              };
              auto_promotion_codes: boolean;
              rewards: {
                /**
                 * @description What the person referring gets
                 * @default null
                 */
                referrer:
                  | (
                      | {
                          /**
                           * @description A Stripe coupon applied to the person's subscription
                           * @enum {string}
                           */
                          kind: 'coupon';
                          coupon_id: string;
                        }
                      | {
                          /**
                           * @description Credit on the person's Stripe customer balance
                           * @enum {string}
                           */
                          kind: 'balance_credit';
                          /** @description Minor units */
                          amount: number;
                          /** @description Three-letter ISO currency code (kept lower-case) */
                          currency: string;
                        }
                      | {
                          /**
                           * @description A single-use promotion code made for that person
                           * @enum {string}
                           */
                          kind: 'promotion_code';
                          coupon_id: string;
                        }
                    )
                  | null;
                /**
                 * @description What the friend gets
                 * @default null
                 */
                friend:
                  | (
                      | {
                          /**
                           * @description A Stripe coupon applied to the person's subscription
                           * @enum {string}
                           */
                          kind: 'coupon';
                          coupon_id: string;
                        }
                      | {
                          /**
                           * @description Credit on the person's Stripe customer balance
                           * @enum {string}
                           */
                          kind: 'balance_credit';
                          /** @description Minor units */
                          amount: number;
                          /** @description Three-letter ISO currency code (kept lower-case) */
                          currency: string;
                        }
                      | {
                          /**
                           * @description A single-use promotion code made for that person
                           * @enum {string}
                           */
                          kind: 'promotion_code';
                          coupon_id: string;
                        }
                    )
                  | null;
                /**
                 * @description Most rewards one referrer receives; null for no cap
                 * @default null
                 */
                max_per_referrer: number | null;
                /**
                 * @description Most credit given in all (counts balance credit rewards in that currency); null for no budget
                 * @default null
                 */
                budget: {
                  amount: number;
                  /** @description Three-letter ISO currency code (kept lower-case) */
                  currency: string;
                } | null;
                /**
                 * @description Issue this many days after qualification, if the lead is still qualified
                 * @default 0
                 */
                hold_days: number;
                /**
                 * @description Every reward waits for POST /v1/rewards/{id}/approve
                 * @default false
                 */
                manual_approval: boolean;
              } | null;
              branding: {
                /**
                 * @description Buttons and links' colour; button text is black or white, whichever reads better
                 * @default null
                 */
                accent_color: string | null;
                /**
                 * @description Page background; null follows the reader’s light or dark setting
                 * @default null
                 */
                background_color: string | null;
                /**
                 * @description Text colour; set it with background_color
                 * @default null
                 */
                text_color: string | null;
              };
              /** @description The hosted page where people join as referrers */
              join_url: string;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
              archived_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Update a campaign; only the fields sent change */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /**
             * @description Archive with POST /v1/campaigns/{id}/archive
             * @enum {string}
             */
            status?: 'draft' | 'live' | 'paused';
            destination_url?: string | null;
            participant_limit?: number | null;
            /**
             * @description Who takes a place under participant_limit. verified (default): people who signed up on a public surface (a browser with the publishable key, a hosted page) take one only at their first payment (a referrer who joined on the hosted page: when a friend of theirs pays), so strangers cannot fill the campaign; everyone else at once. all: everyone when recorded.
             * @enum {string}
             */
            participant_limit_counts?: 'verified' | 'all';
            /** @description Sites whose pages may call the browser endpoints */
            allowed_origins?: string[];
            /** @description How long the snippet remembers a referral */
            cookie_days?: number;
            /** @description Give every new referrer a referral code */
            auto_referral_codes?: boolean;
            /** @description The Stripe connection (conn_...) this campaign uses */
            connection_id?: string | null;
            /** @description How leads qualify; null for not at all. Merged into the stored settings (JSON Merge Patch): members sent change, null removes one (an optional member returns to its default) */
            qualification?: {
              /**
               * @description spend: Qualify when the friend spends more than the target. code: Qualify as soon as the friend uses the referrer's code (its rules kept), at checkout or offline. Changing it keeps only the members the new one has
               * @enum {string}
               */
              method?: 'spend' | 'code';
              /** @description Net spend must exceed this, in minor units of the connection default currency */
              target_amount?: number | null;
              /** @description Attribution window from the referral */
              window_days?: number | null;
              /** @description A refund or dispute in the window that brings net spend to the target or below takes it back */
              refunds_unqualify?: boolean | null;
            } | null;
            /** @description How friends and referrers become Stripe customers. Merged into the stored settings (JSON Merge Patch): members sent change, null removes one (an optional member returns to its default) */
            customers?: {
              /** @description wait_for_checkout: the business's own checkout creates the customer (matched by email); immediately: Vouch creates it */
              create?: ('wait_for_checkout' | 'immediately') | null;
              /** @description When a customer with the friend's email already exists */
              existing_customer?: ('do_not_create' | 'create_duplicate' | 'update_existing') | null;
              /** @description Make each referrer a Stripe customer too (never qualified); existing customers are linked, not duplicated, unless create_duplicate */
              referrers_to_stripe?: boolean | null;
              /** @description Which Vouch fields go on the friend's Stripe customer */
              friend_customer?: {
                /** @description The customer's email: the friend's email, which Stripe customers are matched by */
                email?: 'lead.email' | null;
                /** @description The customer's name: the friend's first and last name, or first name only */
                name?: ('lead.full_name' | 'lead.first_name') | null;
                /** @description Send as metadata, {"<Stripe metadata key>": "<Vouch field>"}: keys of at most 40 characters without [ or ], at most 50; fields: lead.id, lead.email, lead.first_name, lead.last_name, lead.full_name, lead.metadata.<key>, referrer.id, referrer.email, referrer.first_name, referrer.last_name, referrer.full_name, referrer.referral_code, referrer.referral_link, referrer.metadata.<key>. Must include lead.id. A field the person does not have (a metadata key absent on them, no referral code) is not sent; values are cut to 500 characters */
                metadata?: {
                  [key: string]: string | null;
                } | null;
              } | null;
              /** @description Which Vouch fields go on the referrer's Stripe customer (with referrers_to_stripe) */
              referrer_customer?: {
                /** @description The customer's email: the referrer's email */
                email?: 'referrer.email' | null;
                /** @description The customer's name: the referrer's first and last name, or first name only */
                name?: ('referrer.full_name' | 'referrer.first_name') | null;
                /** @description Send as metadata, {"<Stripe metadata key>": "<Vouch field>"}, with the limits of friend_customer.metadata; fields: referrer.id, referrer.email, referrer.first_name, referrer.last_name, referrer.full_name, referrer.referral_code, referrer.referral_link, referrer.metadata.<key> */
                metadata?: {
                  [key: string]: string | null;
                } | null;
              } | null;
            };
            /** @description Rules each promotion code is made with; changes apply to codes made afterwards. Merged into the stored settings (JSON Merge Patch): members sent change, null removes one (an optional member returns to its default) */
            code_rules?: {
              /** @description Only a customer's first order may use a code */
              first_time_only?: boolean | null;
              /** @description Uses allowed per code; null for no limit */
              max_redemptions?: number | null;
              /** @description When codes stop working (ISO time); null for never */
              expires_at?: string | null;
              /** @description The smallest order, before the discount, a code applies to */
              minimum_amount?: {
                /** @description Minor units */
                amount?: number | null;
                /** @description Three-letter ISO currency code (kept lower-case) */
                currency?: string | null;
              } | null;
            };
            /** @description Make a Stripe promotion code for every new referrer once the campaign has a coupon */
            auto_promotion_codes?: boolean;
            /** @description What a qualified referral gives, through Stripe; null for nothing. Merged into the stored settings (JSON Merge Patch): members sent change, null removes one (an optional member returns to its default) */
            rewards?: {
              /** @description What the person referring gets */
              referrer?: {
                /**
                 * @description coupon: A Stripe coupon applied to the person's subscription. balance_credit: Credit on the person's Stripe customer balance. promotion_code: A single-use promotion code made for that person. Changing it keeps only the members the new one has
                 * @enum {string}
                 */
                kind?: 'coupon' | 'balance_credit' | 'promotion_code';
                coupon_id?: string | null;
                /** @description Minor units */
                amount?: number | null;
                /** @description Three-letter ISO currency code (kept lower-case) */
                currency?: string | null;
              } | null;
              /** @description What the friend gets */
              friend?: {
                /**
                 * @description coupon: A Stripe coupon applied to the person's subscription. balance_credit: Credit on the person's Stripe customer balance. promotion_code: A single-use promotion code made for that person. Changing it keeps only the members the new one has
                 * @enum {string}
                 */
                kind?: 'coupon' | 'balance_credit' | 'promotion_code';
                coupon_id?: string | null;
                /** @description Minor units */
                amount?: number | null;
                /** @description Three-letter ISO currency code (kept lower-case) */
                currency?: string | null;
              } | null;
              /** @description Most rewards one referrer receives; null for no cap */
              max_per_referrer?: number | null;
              /** @description Most credit given in all (counts balance credit rewards in that currency); null for no budget */
              budget?: {
                amount?: number | null;
                /** @description Three-letter ISO currency code (kept lower-case) */
                currency?: string | null;
              } | null;
              /** @description Issue this many days after qualification, if the lead is still qualified */
              hold_days?: number | null;
              /** @description Every reward waits for POST /v1/rewards/{id}/approve */
              manual_approval?: boolean | null;
            } | null;
            /** @description The campaign's colours on the referrer's portal and widget. Merged into the stored settings (JSON Merge Patch): members sent change, null removes one (an optional member returns to its default) */
            branding?: {
              /** @description Buttons and links' colour; button text is black or white, whichever reads better */
              accent_color?: string | null;
              /** @description Page background; null follows the reader’s light or dark setting */
              background_color?: string | null;
              /** @description Text colour; set it with background_color */
              text_color?: string | null;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'campaign';
              name: string;
              /** @enum {string} */
              status: 'draft' | 'live' | 'paused' | 'archived';
              /** @description Where referral links land; null lands on the hosted friend page */
              destination_url: string | null;
              participant_limit: number | null;
              /**
               * @description Who takes a place under participant_limit. verified (default): people who signed up on a public surface (a browser with the publishable key, a hosted page) take one only at their first payment (a referrer who joined on the hosted page: when a friend of theirs pays), so strangers cannot fill the campaign; everyone else at once. all: everyone when recorded.
               * @enum {string}
               */
              participant_limit_counts: 'verified' | 'all';
              /** @description Referrers plus leads that were not rejected and hold a place (see participant_limit_counts) */
              participants_count: number;
              allowed_origins: string[];
              cookie_days: number;
              auto_referral_codes: boolean;
              /** @description The Stripe connection this campaign reads payments from and writes customers to */
              connection_id: string | null;
              qualification:
                | (
                    | {
                        /**
                         * @description Qualify when the friend spends more than the target
                         * @enum {string}
                         */
                        method: 'spend';
                        /** @description Net spend must exceed this, in minor units of the connection default currency */
                        target_amount: number;
                        /** @description Attribution window from the referral */
                        window_days: number;
                        /**
                         * @description A refund or dispute in the window that brings net spend to the target or below takes it back
                         * @default true
                         */
                        refunds_unqualify: boolean;
                      }
                    | {
                        /**
                         * @description Qualify as soon as the friend uses the referrer's code (its rules kept), at checkout or offline
                         * @enum {string}
                         */
                        method: 'code';
                        /** @description How long after the referral a use counts */
                        window_days: number;
                        /**
                         * @description Refunds or disputes that bring what the friend paid back to zero take it back
                         * @default true
                         */
                        refunds_unqualify: boolean;
                      }
                  )
                | null;
              customers: {
                /**
                 * @description wait_for_checkout: the business's own checkout creates the customer (matched by email); immediately: Vouch creates it
                 * @default wait_for_checkout
                 * @enum {string}
                 */
                create: 'wait_for_checkout' | 'immediately';
                /**
                 * @description When a customer with the friend's email already exists
                 * @default do_not_create
                 * @enum {string}
                 */
                existing_customer: 'do_not_create' | 'create_duplicate' | 'update_existing';
                /**
                 * @description Make each referrer a Stripe customer too (never qualified); existing customers are linked, not duplicated, unless create_duplicate
                 * @default false
                 */
                referrers_to_stripe: boolean;
                /** @description Which Vouch fields go on the friend's Stripe customer */
                friend_customer: {
                  /**
                   * @description The customer's email: the friend's email, which Stripe customers are matched by
                   * @default lead.email
                   * @enum {string}
                   */
                  email: 'lead.email';
                  /**
                   * @description The customer's name: the friend's first and last name, or first name only
                   * @default lead.full_name
                   * @enum {string}
                   */
                  name: 'lead.full_name' | 'lead.first_name';
                  /**
                   * @description Send as metadata, {"<Stripe metadata key>": "<Vouch field>"}: keys of at most 40 characters without [ or ], at most 50; fields: lead.id, lead.email, lead.first_name, lead.last_name, lead.full_name, lead.metadata.<key>, referrer.id, referrer.email, referrer.first_name, referrer.last_name, referrer.full_name, referrer.referral_code, referrer.referral_link, referrer.metadata.<key>. Must include lead.id. A field the person does not have (a metadata key absent on them, no referral code) is not sent; values are cut to 500 characters
                   * @default {
                   *       "vouch_lead_id": "lead.id",
                   *       "vouch_referrer_email": "referrer.email",
                   *       "vouch_referral_code": "referrer.referral_code"
                   *     }
                   */
                  metadata: {
                    [key: string]: string;
                  };
                };
                /** @description Which Vouch fields go on the referrer's Stripe customer (with referrers_to_stripe) */
                referrer_customer: {
                  /**
                   * @description The customer's email: the referrer's email
                   * @default referrer.email
                   * @enum {string}
                   */
                  email: 'referrer.email';
                  /**
                   * @description The customer's name: the referrer's first and last name, or first name only
                   * @default referrer.full_name
                   * @enum {string}
                   */
                  name: 'referrer.full_name' | 'referrer.first_name';
                  /**
                   * @description Send as metadata, {"<Stripe metadata key>": "<Vouch field>"}, with the limits of friend_customer.metadata; fields: referrer.id, referrer.email, referrer.first_name, referrer.last_name, referrer.full_name, referrer.referral_code, referrer.referral_link, referrer.metadata.<key>
                   * @default {
                   *       "vouch_referrer_id": "referrer.id",
                   *       "vouch_referral_code": "referrer.referral_code"
                   *     }
                   */
                  metadata: {
                    [key: string]: string;
                  };
                };
              };
              code_rules: {
                /**
                 * @description Only a customer's first order may use a code
                 * @default false
                 */
                first_time_only: boolean;
                /**
                 * @description Uses allowed per code; null for no limit
                 * @default null
                 */
                max_redemptions: number | null;
                /**
                 * @description When codes stop working (ISO time); null for never
                 * @default null
                 */
                expires_at: string | null;
                /**
                 * @description The smallest order, before the discount, a code applies to
                 * @default null
                 */
                minimum_amount: {
                  /** @description Minor units */
                  amount: number;
                  /** @description Three-letter ISO currency code (kept lower-case) */
                  currency: string;
                } | null;
              };
              auto_promotion_codes: boolean;
              rewards: {
                /**
                 * @description What the person referring gets
                 * @default null
                 */
                referrer:
                  | (
                      | {
                          /**
                           * @description A Stripe coupon applied to the person's subscription
                           * @enum {string}
                           */
                          kind: 'coupon';
                          coupon_id: string;
                        }
                      | {
                          /**
                           * @description Credit on the person's Stripe customer balance
                           * @enum {string}
                           */
                          kind: 'balance_credit';
                          /** @description Minor units */
                          amount: number;
                          /** @description Three-letter ISO currency code (kept lower-case) */
                          currency: string;
                        }
                      | {
                          /**
                           * @description A single-use promotion code made for that person
                           * @enum {string}
                           */
                          kind: 'promotion_code';
                          coupon_id: string;
                        }
                    )
                  | null;
                /**
                 * @description What the friend gets
                 * @default null
                 */
                friend:
                  | (
                      | {
                          /**
                           * @description A Stripe coupon applied to the person's subscription
                           * @enum {string}
                           */
                          kind: 'coupon';
                          coupon_id: string;
                        }
                      | {
                          /**
                           * @description Credit on the person's Stripe customer balance
                           * @enum {string}
                           */
                          kind: 'balance_credit';
                          /** @description Minor units */
                          amount: number;
                          /** @description Three-letter ISO currency code (kept lower-case) */
                          currency: string;
                        }
                      | {
                          /**
                           * @description A single-use promotion code made for that person
                           * @enum {string}
                           */
                          kind: 'promotion_code';
                          coupon_id: string;
                        }
                    )
                  | null;
                /**
                 * @description Most rewards one referrer receives; null for no cap
                 * @default null
                 */
                max_per_referrer: number | null;
                /**
                 * @description Most credit given in all (counts balance credit rewards in that currency); null for no budget
                 * @default null
                 */
                budget: {
                  amount: number;
                  /** @description Three-letter ISO currency code (kept lower-case) */
                  currency: string;
                } | null;
                /**
                 * @description Issue this many days after qualification, if the lead is still qualified
                 * @default 0
                 */
                hold_days: number;
                /**
                 * @description Every reward waits for POST /v1/rewards/{id}/approve
                 * @default false
                 */
                manual_approval: boolean;
              } | null;
              branding: {
                /**
                 * @description Buttons and links' colour; button text is black or white, whichever reads better
                 * @default null
                 */
                accent_color: string | null;
                /**
                 * @description Page background; null follows the reader’s light or dark setting
                 * @default null
                 */
                background_color: string | null;
                /**
                 * @description Text colour; set it with background_color
                 * @default null
                 */
                text_color: string | null;
              };
              /** @description The hosted page where people join as referrers */
              join_url: string;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
              archived_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `connection_disconnected`, `campaign_archived`, `use_archive`, `invalid_status_change`, `participant_limit_below_count`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The object is gone: `connection_disconnected`. */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Archive a campaign: it keeps its data, takes no one new and records nothing */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'campaign';
              name: string;
              /** @enum {string} */
              status: 'draft' | 'live' | 'paused' | 'archived';
              /** @description Where referral links land; null lands on the hosted friend page */
              destination_url: string | null;
              participant_limit: number | null;
              /**
               * @description Who takes a place under participant_limit. verified (default): people who signed up on a public surface (a browser with the publishable key, a hosted page) take one only at their first payment (a referrer who joined on the hosted page: when a friend of theirs pays), so strangers cannot fill the campaign; everyone else at once. all: everyone when recorded.
               * @enum {string}
               */
              participant_limit_counts: 'verified' | 'all';
              /** @description Referrers plus leads that were not rejected and hold a place (see participant_limit_counts) */
              participants_count: number;
              allowed_origins: string[];
              cookie_days: number;
              auto_referral_codes: boolean;
              /** @description The Stripe connection this campaign reads payments from and writes customers to */
              connection_id: string | null;
              qualification:
                | (
                    | {
                        /**
                         * @description Qualify when the friend spends more than the target
                         * @enum {string}
                         */
                        method: 'spend';
                        /** @description Net spend must exceed this, in minor units of the connection default currency */
                        target_amount: number;
                        /** @description Attribution window from the referral */
                        window_days: number;
                        /**
                         * @description A refund or dispute in the window that brings net spend to the target or below takes it back
                         * @default true
                         */
                        refunds_unqualify: boolean;
                      }
                    | {
                        /**
                         * @description Qualify as soon as the friend uses the referrer's code (its rules kept), at checkout or offline
                         * @enum {string}
                         */
                        method: 'code';
                        /** @description How long after the referral a use counts */
                        window_days: number;
                        /**
                         * @description Refunds or disputes that bring what the friend paid back to zero take it back
                         * @default true
                         */
                        refunds_unqualify: boolean;
                      }
                  )
                | null;
              customers: {
                /**
                 * @description wait_for_checkout: the business's own checkout creates the customer (matched by email); immediately: Vouch creates it
                 * @default wait_for_checkout
                 * @enum {string}
                 */
                create: 'wait_for_checkout' | 'immediately';
                /**
                 * @description When a customer with the friend's email already exists
                 * @default do_not_create
                 * @enum {string}
                 */
                existing_customer: 'do_not_create' | 'create_duplicate' | 'update_existing';
                /**
                 * @description Make each referrer a Stripe customer too (never qualified); existing customers are linked, not duplicated, unless create_duplicate
                 * @default false
                 */
                referrers_to_stripe: boolean;
                /** @description Which Vouch fields go on the friend's Stripe customer */
                friend_customer: {
                  /**
                   * @description The customer's email: the friend's email, which Stripe customers are matched by
                   * @default lead.email
                   * @enum {string}
                   */
                  email: 'lead.email';
                  /**
                   * @description The customer's name: the friend's first and last name, or first name only
                   * @default lead.full_name
                   * @enum {string}
                   */
                  name: 'lead.full_name' | 'lead.first_name';
                  /**
                   * @description Send as metadata, {"<Stripe metadata key>": "<Vouch field>"}: keys of at most 40 characters without [ or ], at most 50; fields: lead.id, lead.email, lead.first_name, lead.last_name, lead.full_name, lead.metadata.<key>, referrer.id, referrer.email, referrer.first_name, referrer.last_name, referrer.full_name, referrer.referral_code, referrer.referral_link, referrer.metadata.<key>. Must include lead.id. A field the person does not have (a metadata key absent on them, no referral code) is not sent; values are cut to 500 characters
                   * @default {
                   *       "vouch_lead_id": "lead.id",
                   *       "vouch_referrer_email": "referrer.email",
                   *       "vouch_referral_code": "referrer.referral_code"
                   *     }
                   */
                  metadata: {
                    [key: string]: string;
                  };
                };
                /** @description Which Vouch fields go on the referrer's Stripe customer (with referrers_to_stripe) */
                referrer_customer: {
                  /**
                   * @description The customer's email: the referrer's email
                   * @default referrer.email
                   * @enum {string}
                   */
                  email: 'referrer.email';
                  /**
                   * @description The customer's name: the referrer's first and last name, or first name only
                   * @default referrer.full_name
                   * @enum {string}
                   */
                  name: 'referrer.full_name' | 'referrer.first_name';
                  /**
                   * @description Send as metadata, {"<Stripe metadata key>": "<Vouch field>"}, with the limits of friend_customer.metadata; fields: referrer.id, referrer.email, referrer.first_name, referrer.last_name, referrer.full_name, referrer.referral_code, referrer.referral_link, referrer.metadata.<key>
                   * @default {
                   *       "vouch_referrer_id": "referrer.id",
                   *       "vouch_referral_code": "referrer.referral_code"
                   *     }
                   */
                  metadata: {
                    [key: string]: string;
                  };
                };
              };
              code_rules: {
                /**
                 * @description Only a customer's first order may use a code
                 * @default false
                 */
                first_time_only: boolean;
                /**
                 * @description Uses allowed per code; null for no limit
                 * @default null
                 */
                max_redemptions: number | null;
                /**
                 * @description When codes stop working (ISO time); null for never
                 * @default null
                 */
                expires_at: string | null;
                /**
                 * @description The smallest order, before the discount, a code applies to
                 * @default null
                 */
                minimum_amount: {
                  /** @description Minor units */
                  amount: number;
                  /** @description Three-letter ISO currency code (kept lower-case) */
                  currency: string;
                } | null;
              };
              auto_promotion_codes: boolean;
              rewards: {
                /**
                 * @description What the person referring gets
                 * @default null
                 */
                referrer:
                  | (
                      | {
                          /**
                           * @description A Stripe coupon applied to the person's subscription
                           * @enum {string}
                           */
                          kind: 'coupon';
                          coupon_id: string;
                        }
                      | {
                          /**
                           * @description Credit on the person's Stripe customer balance
                           * @enum {string}
                           */
                          kind: 'balance_credit';
                          /** @description Minor units */
                          amount: number;
                          /** @description Three-letter ISO currency code (kept lower-case) */
                          currency: string;
                        }
                      | {
                          /**
                           * @description A single-use promotion code made for that person
                           * @enum {string}
                           */
                          kind: 'promotion_code';
                          coupon_id: string;
                        }
                    )
                  | null;
                /**
                 * @description What the friend gets
                 * @default null
                 */
                friend:
                  | (
                      | {
                          /**
                           * @description A Stripe coupon applied to the person's subscription
                           * @enum {string}
                           */
                          kind: 'coupon';
                          coupon_id: string;
                        }
                      | {
                          /**
                           * @description Credit on the person's Stripe customer balance
                           * @enum {string}
                           */
                          kind: 'balance_credit';
                          /** @description Minor units */
                          amount: number;
                          /** @description Three-letter ISO currency code (kept lower-case) */
                          currency: string;
                        }
                      | {
                          /**
                           * @description A single-use promotion code made for that person
                           * @enum {string}
                           */
                          kind: 'promotion_code';
                          coupon_id: string;
                        }
                    )
                  | null;
                /**
                 * @description Most rewards one referrer receives; null for no cap
                 * @default null
                 */
                max_per_referrer: number | null;
                /**
                 * @description Most credit given in all (counts balance credit rewards in that currency); null for no budget
                 * @default null
                 */
                budget: {
                  amount: number;
                  /** @description Three-letter ISO currency code (kept lower-case) */
                  currency: string;
                } | null;
                /**
                 * @description Issue this many days after qualification, if the lead is still qualified
                 * @default 0
                 */
                hold_days: number;
                /**
                 * @description Every reward waits for POST /v1/rewards/{id}/approve
                 * @default false
                 */
                manual_approval: boolean;
              } | null;
              branding: {
                /**
                 * @description Buttons and links' colour; button text is black or white, whichever reads better
                 * @default null
                 */
                accent_color: string | null;
                /**
                 * @description Page background; null follows the reader’s light or dark setting
                 * @default null
                 */
                background_color: string | null;
                /**
                 * @description Text colour; set it with background_color
                 * @default null
                 */
                text_color: string | null;
              };
              /** @description The hosted page where people join as referrers */
              join_url: string;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
              archived_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/referrers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a campaign's referrers, newest first unless sorted otherwise
     * @description Search matches part of the email, the name or the referral code. With another sort, starting_after is still the id of the last referrer of the previous page.
     */
    get: {
      parameters: {
        query?: {
          /** @description How many objects to return, 1 to 100 (default 10). */
          limit?: number;
          /** @description Cursor: the id of the last object on the previous page. */
          starting_after?: string;
          /** @description The whole email, compared trimmed and case-insensitively */
          email?: string;
          has_referral_code?: 'true' | 'false';
          source?: 'api' | 'hosted_page' | 'import' | 'sync';
          /** @description Part of the email, the name or the referral code, whatever its case */
          search?: string;
          /** @description The order: a field, descending when it starts with "-" (default -created_at, newest first) */
          sort?:
            | '-created_at'
            | 'created_at'
            | 'email'
            | '-email'
            | 'name'
            | '-name'
            | '-referrals_count'
            | 'referrals_count'
            | '-converted_referrals_count'
            | 'converted_referrals_count'
            | '-clicks_count'
            | 'clicks_count';
          /** @description true: the answer also has total_count, how many objects the filters take in all */
          include_total_count?: 'true' | 'false';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                id: string;
                /** @enum {string} */
                object: 'referrer';
                campaign_id: string;
                email: string;
                first_name: string;
                last_name: string | null;
                /** @description Your own key-value pairs (strings) */
                metadata: {
                  [key: string]: string;
                };
                /** @enum {string} */
                source: 'api' | 'hosted_page' | 'import' | 'sync';
                slug: string;
                referral_link: string;
                referral_code: string | null;
                /** @description Set when the referrer was removed: their link and code stopped working */
                removed_at: string | null;
                /** @description Leads referred, rejected ones excluded */
                referrals_count: number;
                /** @description Leads that qualified */
                converted_referrals_count: number;
                clicks_count: number;
                /** @description ISO 8601, UTC */
                created_at: string;
                /** @description ISO 8601, UTC */
                updated_at: string;
              }[];
              has_more: boolean;
              url: string;
              /** @description How many objects the filters take on every page; present with include_total_count=true */
              total_count?: number;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Add a referrer (the person referring) to a campaign */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            first_name: string;
            last_name?: string | null;
            /** @description Your own key-value pairs (strings). In updates an empty string removes a key. */
            metadata?: {
              [key: string]: string;
            };
            /** @description Choose the code; otherwise see generate_referral_code */
            referral_code?: string;
            /** @description Generate a code; defaults to the campaign's auto_referral_codes */
            generate_referral_code?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'referrer';
              campaign_id: string;
              email: string;
              first_name: string;
              last_name: string | null;
              /** @description Your own key-value pairs (strings) */
              metadata: {
                [key: string]: string;
              };
              /** @enum {string} */
              source: 'api' | 'hosted_page' | 'import' | 'sync';
              slug: string;
              referral_link: string;
              referral_code: string | null;
              /** @description Set when the referrer was removed: their link and code stopped working */
              removed_at: string | null;
              /** @description Leads referred, rejected ones excluded */
              referrals_count: number;
              /** @description Leads that qualified */
              converted_referrals_count: number;
              clicks_count: number;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`, `origin_not_allowed`, `campaign_not_allowed`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `campaign_archived`, `campaign_paused`, `campaign_draft`, `participant_limit_reached`, `referrer_exists`, `referral_code_taken`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/referrers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Retrieve a referrer with the Stripe customers that are them */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'referrer';
              campaign_id: string;
              email: string;
              first_name: string;
              last_name: string | null;
              /** @description Your own key-value pairs (strings) */
              metadata: {
                [key: string]: string;
              };
              /** @enum {string} */
              source: 'api' | 'hosted_page' | 'import' | 'sync';
              slug: string;
              referral_link: string;
              referral_code: string | null;
              /** @description Set when the referrer was removed: their link and code stopped working */
              removed_at: string | null;
              /** @description Leads referred, rejected ones excluded */
              referrals_count: number;
              /** @description Leads that qualified */
              converted_referrals_count: number;
              clicks_count: number;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
              /** @description The Stripe customers linked to the referrer (referrers_to_stripe, syncs) */
              customers: {
                /** @description The Stripe customer id */
                id: string;
                connection_id: string;
                /**
                 * @description How Vouch knows this customer is the friend
                 * @enum {string}
                 */
                how:
                  | 'created'
                  | 'matched_email'
                  | 'updated'
                  | 'checkout'
                  | 'promotion_code'
                  | 'metadata'
                  | 'sync'
                  | 'manual';
                /** @description ISO 8601, UTC */
                linked_at: string;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Update a referrer; metadata merges (an empty string removes a key) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            first_name?: string;
            last_name?: string | null;
            /** @description Your own key-value pairs (strings). In updates an empty string removes a key. */
            metadata?: {
              [key: string]: string;
            };
            referral_code?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'referrer';
              campaign_id: string;
              email: string;
              first_name: string;
              last_name: string | null;
              /** @description Your own key-value pairs (strings) */
              metadata: {
                [key: string]: string;
              };
              /** @enum {string} */
              source: 'api' | 'hosted_page' | 'import' | 'sync';
              slug: string;
              referral_link: string;
              referral_code: string | null;
              /** @description Set when the referrer was removed: their link and code stopped working */
              removed_at: string | null;
              /** @description Leads referred, rejected ones excluded */
              referrals_count: number;
              /** @description Leads that qualified */
              converted_referrals_count: number;
              clicks_count: number;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `referrer_removed`, `referral_code_taken`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Remove a referrer: their link and code stop working, their Stripe promotion code is switched off, their history stays */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'referrer';
              campaign_id: string;
              email: string;
              first_name: string;
              last_name: string | null;
              /** @description Your own key-value pairs (strings) */
              metadata: {
                [key: string]: string;
              };
              /** @enum {string} */
              source: 'api' | 'hosted_page' | 'import' | 'sync';
              slug: string;
              referral_link: string;
              referral_code: string | null;
              /** @description Set when the referrer was removed: their link and code stopped working */
              removed_at: string | null;
              /** @description Leads referred, rejected ones excluded */
              referrals_count: number;
              /** @description Leads that qualified */
              converted_referrals_count: number;
              clicks_count: number;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/referrers/{id}/referral_code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Generate a referral code for this referrer (a referrer with a code keeps it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'referrer';
              campaign_id: string;
              email: string;
              first_name: string;
              last_name: string | null;
              /** @description Your own key-value pairs (strings) */
              metadata: {
                [key: string]: string;
              };
              /** @enum {string} */
              source: 'api' | 'hosted_page' | 'import' | 'sync';
              slug: string;
              referral_link: string;
              referral_code: string | null;
              /** @description Set when the referrer was removed: their link and code stopped working */
              removed_at: string | null;
              /** @description Leads referred, rejected ones excluded */
              referrals_count: number;
              /** @description Leads that qualified */
              converted_referrals_count: number;
              clicks_count: number;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `referrer_removed`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/referrers/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import referrers from a CSV file (Content-Type: text/csv)
     * @description Columns: email and first_name (required), last_name, referral_code, metadata.<key>. Up to 10,000 rows and 5 MB. Rows that cannot be added are reported with their line number and reason; the rest are added in one transaction.
     */
    post: {
      parameters: {
        query?: {
          generate_referral_codes?: 'true' | 'false';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      /** @description The CSV file */
      requestBody: {
        content: {
          'application/json': string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'referrer_import';
              campaign_id: string;
              rows: number;
              accepted: number;
              rejected: number;
              referrer_ids: string[];
              errors: {
                /** @description Line number in the file, the header being line 1 */
                row: number;
                email: string | null;
                reason: string;
                param: string | null;
                message: string;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`, `csv_invalid`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `campaign_archived`, `campaign_paused`, `campaign_draft`, `participant_limit_reached`, `referrer_exists`, `referral_code_taken`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`, `csv_too_many_rows`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/referral_codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Generate referral codes for every referrer of the campaign without one (a background job) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'job';
              /** @enum {string} */
              name: 'generate-referral-codes';
              /** @description null when the same job is already queued */
              id: string | null;
              campaign_id: string;
              referrers_without_code: number;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `campaign_archived`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `queue_unavailable`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/leads/send_to_stripe': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Apply the campaign's Stripe settings to its earlier leads (a background job)
     * @description New leads are sent to Stripe as they arrive; this does the same for leads recorded before the campaign had a Stripe connection or customer settings (pending leads), and writes the current field mapping (metadata; the name on customers Vouch created) onto the customers Vouch created or updated for earlier leads that are not rejected.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'job';
              name: string;
              id: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `no_stripe_connection`, `connection_disconnected`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The object is gone: `connection_disconnected`. */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `queue_unavailable`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/referrers/send_to_stripe': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send the campaign's earlier referrers to Stripe (a background job)
     * @description With customers.referrers_to_stripe, new referrers become Stripe customers as they join; this does the same for referrers added before, and writes the current field mapping (metadata; the name on customers Vouch created) onto the customers Vouch created or updated for referrers sent before.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'job';
              name: string;
              id: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `no_stripe_connection`, `referrers_not_sent`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `queue_unavailable`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/leads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a campaign's leads, newest first unless sorted otherwise
     * @description Search matches part of the email or the name. With another sort, starting_after is still the id of the last lead of the previous page.
     */
    get: {
      parameters: {
        query?: {
          /** @description How many objects to return, 1 to 100 (default 10). */
          limit?: number;
          /** @description Cursor: the id of the last object on the previous page. */
          starting_after?: string;
          status?: 'pending' | 'qualified' | 'unqualified' | 'rejected' | 'expired';
          /** @description Only this referrer's leads (rfr_...) */
          referrer?: string;
          source?: 'api' | 'browser' | 'hosted_page' | 'checkout' | 'promotion_code' | 'offline';
          /** @description The whole email, compared trimmed and case-insensitively */
          email?: string;
          /** @description Part of the email or the name, whatever its case */
          search?: string;
          /** @description The order: a field, descending when it starts with "-" (default -created_at, newest first) */
          sort?:
            | '-created_at'
            | 'created_at'
            | 'email'
            | '-email'
            | 'name'
            | '-name'
            | '-updated_at'
            | 'updated_at';
          /** @description true: the answer also has total_count, how many objects the filters take in all */
          include_total_count?: 'true' | 'false';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                id: string;
                /** @enum {string} */
                object: 'lead';
                campaign_id: string;
                referrer_id: string;
                email: string;
                first_name: string | null;
                last_name: string | null;
                /** @description Your own key-value pairs (strings) */
                metadata: {
                  [key: string]: string;
                };
                /** @enum {string} */
                source: 'api' | 'browser' | 'hosted_page' | 'checkout' | 'promotion_code' | 'offline';
                /** @enum {string} */
                status: 'pending' | 'qualified' | 'unqualified' | 'rejected' | 'expired';
                rejection_reason:
                  | ('self_referral' | 'already_lead' | 'existing_customer' | 'campaign_limit')
                  | null;
                /** @description ISO 8601, UTC */
                referred_at: string;
                /** @description ISO 8601, UTC */
                created_at: string;
                /** @description ISO 8601, UTC */
                updated_at: string;
                /** @description Present when retrieving one lead */
                timeline?: {
                  id: string;
                  type: string;
                  /** @description What happened and why, in words */
                  message: string;
                  /** @description The status after this event */
                  status: string;
                  /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                  data: {
                    [key: string]: string | number | boolean | null;
                  };
                  /** @description ISO 8601, UTC */
                  created_at: string;
                }[];
              }[];
              has_more: boolean;
              url: string;
              /** @description How many objects the filters take on every page; present with include_total_count=true */
              total_count?: number;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record a friend (the person invited) referred by a referrer
     * @description Name the referrer with exactly one of referrer (id), referral_code or referral_slug. The same friend twice is one lead; self-referrals, friends already referred by someone else and sign-ups past the limit are kept as rejected leads with their reason. With the secret key the answer is the lead. With a publishable key (from a browser, only from the campaign's allowed_origins; a key may be limited to some campaigns) the answer is a lead_receipt, the same whether the email was new or known, and an email that is already a lead stores nothing more. Publishable sign-ups are limited per client and per referrer (429).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            first_name?: string;
            last_name?: string;
            /** @description Your own key-value pairs (strings). In updates an empty string removes a key. */
            metadata?: {
              [key: string]: string;
            };
            referrer?: string;
            referral_code?: string;
            referral_slug?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json':
              | {
                  id: string;
                  /** @enum {string} */
                  object: 'lead';
                  campaign_id: string;
                  referrer_id: string;
                  email: string;
                  first_name: string | null;
                  last_name: string | null;
                  /** @description Your own key-value pairs (strings) */
                  metadata: {
                    [key: string]: string;
                  };
                  /** @enum {string} */
                  source: 'api' | 'browser' | 'hosted_page' | 'checkout' | 'promotion_code' | 'offline';
                  /** @enum {string} */
                  status: 'pending' | 'qualified' | 'unqualified' | 'rejected' | 'expired';
                  rejection_reason:
                    | ('self_referral' | 'already_lead' | 'existing_customer' | 'campaign_limit')
                    | null;
                  /** @description ISO 8601, UTC */
                  referred_at: string;
                  /** @description ISO 8601, UTC */
                  created_at: string;
                  /** @description ISO 8601, UTC */
                  updated_at: string;
                  /** @description Present when retrieving one lead */
                  timeline?: {
                    id: string;
                    type: string;
                    /** @description What happened and why, in words */
                    message: string;
                    /** @description The status after this event */
                    status: string;
                    /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                    data: {
                      [key: string]: string | number | boolean | null;
                    };
                    /** @description ISO 8601, UTC */
                    created_at: string;
                  }[];
                }
              | {
                  /** @enum {string} */
                  object: 'lead_receipt';
                  /** @description rcpt_...: pass it on as the snippet does; it names the lead to Vouch only */
                  id: string;
                  /** @enum {string} */
                  status: 'received';
                };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`, `stripe_<code>`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `csrf_token_invalid`, `role_forbidden`, `origin_not_allowed`, `campaign_not_allowed`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `campaign_archived`, `campaign_paused`, `campaign_draft`, `stripe_authentication_failed`, `stripe_permission_denied`, `stripe_idempotency_error`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Stripe failed to answer: `stripe_unreachable`, `stripe_unavailable`. */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `stripe_unavailable`, `stripe_rate_limited`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/leads/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Retrieve a lead with its timeline, its progress and its Stripe customers: where it stands and why
     * @description The timeline lists every Stripe fact considered for the lead (a payment, refund or dispute of a linked customer), counted with the running total or not counted with the reason, and every change of status with its cause.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'lead';
              campaign_id: string;
              referrer_id: string;
              email: string;
              first_name: string | null;
              last_name: string | null;
              /** @description Your own key-value pairs (strings) */
              metadata: {
                [key: string]: string;
              };
              /** @enum {string} */
              source: 'api' | 'browser' | 'hosted_page' | 'checkout' | 'promotion_code' | 'offline';
              /** @enum {string} */
              status: 'pending' | 'qualified' | 'unqualified' | 'rejected' | 'expired';
              rejection_reason:
                | ('self_referral' | 'already_lead' | 'existing_customer' | 'campaign_limit')
                | null;
              /** @description ISO 8601, UTC */
              referred_at: string;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
              /** @description Present when retrieving one lead */
              timeline?: {
                id: string;
                type: string;
                /** @description What happened and why, in words */
                message: string;
                /** @description The status after this event */
                status: string;
                /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                data: {
                  [key: string]: string | number | boolean | null;
                };
                /** @description ISO 8601, UTC */
                created_at: string;
              }[];
              /** @description Where the lead stands, from the Stripe facts of its linked customers */
              progress: {
                method: ('spend' | 'code') | null;
                /** @description The spend to exceed, in the Stripe account currency (spend method) */
                target: {
                  /** @description Minor units */
                  amount: number;
                  /** @description Lower-case ISO code */
                  currency: string;
                } | null;
                /** @description What counts: payments inside the window less refunds and disputes, settled in the account's currency */
                net_spend: {
                  /** @description Minor units */
                  amount: number;
                  /** @description Lower-case ISO code */
                  currency: string;
                };
                /** @description The same in each currency the friend paid in */
                paid_by_currency: {
                  /** @description Minor units */
                  amount: number;
                  /** @description Lower-case ISO code */
                  currency: string;
                }[];
                /** @description Still to spend to qualify (spend method, while pending) */
                remaining: {
                  /** @description Minor units */
                  amount: number;
                  /** @description Lower-case ISO code */
                  currency: string;
                } | null;
                /** @description The attribution window */
                window: {
                  /** @description ISO 8601, UTC */
                  starts_at: string;
                  /** @description ISO 8601, UTC */
                  ends_at: string;
                  open: boolean;
                } | null;
                /** @description Holds a place under the participant limit */
                holds_place: boolean;
                /** @description Why the lead stands where it does */
                explanation: string;
              };
              /** @description The Stripe customers linked to the lead */
              customers: {
                /** @description The Stripe customer id */
                id: string;
                connection_id: string;
                /**
                 * @description How Vouch knows this customer is the friend
                 * @enum {string}
                 */
                how:
                  | 'created'
                  | 'matched_email'
                  | 'updated'
                  | 'checkout'
                  | 'promotion_code'
                  | 'metadata'
                  | 'sync'
                  | 'manual';
                /** @description ISO 8601, UTC */
                linked_at: string;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/leads/{id}/failed_events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Stripe events about the lead's customers that failed every attempt (dead letters)
     * @description Events whose object is one of the Stripe customers linked to the lead, or belongs to one (a charge, an invoice, a checkout session), newest first. Replay one with `POST /v1/stripe/connections/{connection_id}/events/{id}/replay`.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                id: string;
                /** @enum {string} */
                object: 'stripe_event';
                connection_id: string;
                type: string;
                /** @description ISO 8601, UTC */
                created_at: string;
                /** @description ISO 8601, UTC */
                received_at: string;
                /**
                 * @description How the event reached Vouch
                 * @enum {string}
                 */
                source: 'webhook' | 'reconciliation' | 'polling';
                processed_at: string | null;
                attempts: number;
                last_error: string | null;
                dead_at: string | null;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/leads/{id}/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Link a Stripe customer to a lead by hand (a friend who paid under another email)
     * @description The customer must exist in the campaign's Stripe account. Its payments then count for the lead, and the verdict is run again at once. Linking a customer already linked changes nothing.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            customer_id: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'lead';
              campaign_id: string;
              referrer_id: string;
              email: string;
              first_name: string | null;
              last_name: string | null;
              /** @description Your own key-value pairs (strings) */
              metadata: {
                [key: string]: string;
              };
              /** @enum {string} */
              source: 'api' | 'browser' | 'hosted_page' | 'checkout' | 'promotion_code' | 'offline';
              /** @enum {string} */
              status: 'pending' | 'qualified' | 'unqualified' | 'rejected' | 'expired';
              rejection_reason:
                | ('self_referral' | 'already_lead' | 'existing_customer' | 'campaign_limit')
                | null;
              /** @description ISO 8601, UTC */
              referred_at: string;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
              /** @description Present when retrieving one lead */
              timeline?: {
                id: string;
                type: string;
                /** @description What happened and why, in words */
                message: string;
                /** @description The status after this event */
                status: string;
                /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                data: {
                  [key: string]: string | number | boolean | null;
                };
                /** @description ISO 8601, UTC */
                created_at: string;
              }[];
              /** @description Where the lead stands, from the Stripe facts of its linked customers */
              progress: {
                method: ('spend' | 'code') | null;
                /** @description The spend to exceed, in the Stripe account currency (spend method) */
                target: {
                  /** @description Minor units */
                  amount: number;
                  /** @description Lower-case ISO code */
                  currency: string;
                } | null;
                /** @description What counts: payments inside the window less refunds and disputes, settled in the account's currency */
                net_spend: {
                  /** @description Minor units */
                  amount: number;
                  /** @description Lower-case ISO code */
                  currency: string;
                };
                /** @description The same in each currency the friend paid in */
                paid_by_currency: {
                  /** @description Minor units */
                  amount: number;
                  /** @description Lower-case ISO code */
                  currency: string;
                }[];
                /** @description Still to spend to qualify (spend method, while pending) */
                remaining: {
                  /** @description Minor units */
                  amount: number;
                  /** @description Lower-case ISO code */
                  currency: string;
                } | null;
                /** @description The attribution window */
                window: {
                  /** @description ISO 8601, UTC */
                  starts_at: string;
                  /** @description ISO 8601, UTC */
                  ends_at: string;
                  open: boolean;
                } | null;
                /** @description Holds a place under the participant limit */
                holds_place: boolean;
                /** @description Why the lead stands where it does */
                explanation: string;
              };
              /** @description The Stripe customers linked to the lead */
              customers: {
                /** @description The Stripe customer id */
                id: string;
                connection_id: string;
                /**
                 * @description How Vouch knows this customer is the friend
                 * @enum {string}
                 */
                how:
                  | 'created'
                  | 'matched_email'
                  | 'updated'
                  | 'checkout'
                  | 'promotion_code'
                  | 'metadata'
                  | 'sync'
                  | 'manual';
                /** @description ISO 8601, UTC */
                linked_at: string;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`, `stripe_<code>`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `no_stripe_connection`, `connection_disconnected`, `stripe_authentication_failed`, `stripe_permission_denied`, `stripe_idempotency_error`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The object is gone: `connection_disconnected`. */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Stripe failed to answer: `stripe_unreachable`, `stripe_unavailable`. */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `stripe_unavailable`, `stripe_rate_limited`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/referrers/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export a campaign's referrers as CSV
     * @description Takes the filters and sort of the list, every page of it: the rows are read from the database a thousand at a time and streamed as they are read, so a large export never sits in memory. Served as an attachment.
     */
    get: {
      parameters: {
        query?: {
          /** @description The whole email, compared trimmed and case-insensitively */
          email?: string;
          has_referral_code?: 'true' | 'false';
          source?: 'api' | 'hosted_page' | 'import' | 'sync';
          /** @description Part of the email, the name or the referral code, whatever its case */
          search?: string;
          /** @description The order: a field, descending when it starts with "-" (default -created_at, newest first) */
          sort?:
            | '-created_at'
            | 'created_at'
            | 'email'
            | '-email'
            | 'name'
            | '-name'
            | '-referrals_count'
            | 'referrals_count'
            | '-converted_referrals_count'
            | 'converted_referrals_count'
            | '-clicks_count'
            | 'clicks_count';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV (text/csv), a header row then one row a record; cells starting with = + - @ get a leading ' */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/leads/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export a campaign's leads as CSV
     * @description Takes the filters and sort of the list, every page of it: the rows are read from the database a thousand at a time and streamed as they are read, so a large export never sits in memory. Served as an attachment.
     */
    get: {
      parameters: {
        query?: {
          status?: 'pending' | 'qualified' | 'unqualified' | 'rejected' | 'expired';
          /** @description Only this referrer's leads (rfr_...) */
          referrer?: string;
          source?: 'api' | 'browser' | 'hosted_page' | 'checkout' | 'promotion_code' | 'offline';
          /** @description The whole email, compared trimmed and case-insensitively */
          email?: string;
          /** @description Part of the email or the name, whatever its case */
          search?: string;
          /** @description The order: a field, descending when it starts with "-" (default -created_at, newest first) */
          sort?:
            | '-created_at'
            | 'created_at'
            | 'email'
            | '-email'
            | 'name'
            | '-name'
            | '-updated_at'
            | 'updated_at';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV (text/csv), a header row then one row a record; cells starting with = + - @ get a leading ' */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/analytics/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Clicks, sign-ups, leads, qualified leads, revenue and rewards over a period
     * @description Days are UTC; from and to are both included, at most 366 days apart. Clicks and revenue come from day totals kept as they are written; revenue is what Stripe customers linked to a lead paid (succeeded charges, less succeeded refunds on the day of the refund), per currency of the charges.
     */
    get: {
      parameters: {
        query?: {
          /** @description One campaign (cmp_...); every campaign without it */
          campaign_id?: string;
          /** @description The first day (UTC), YYYY-MM-DD; default 29 days before to */
          from?: string;
          /** @description The last day (UTC), included, YYYY-MM-DD; default today */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'analytics_summary';
              /** @description null: every campaign */
              campaign_id: string | null;
              from: string;
              to: string;
              /** @description Referral link clicks */
              clicks: number;
              /** @description Referrers who joined the campaign */
              sign_ups: number;
              /** @description Friends referred (rejected ones excluded) */
              leads: number;
              /** @description Leads that qualified in the period (and still are) */
              qualified: number;
              /** @description What referred customers paid, refunds taken away, per currency of the charges */
              revenue: {
                /** @description Minor units */
                amount: number;
                /** @description Lower-case ISO code */
                currency: string;
              }[];
              /** @description Rewards issued in Stripe */
              rewards_issued: number;
              /** @description Of the leads referred in the period, the share that is qualified now (0 to 1); null without leads */
              qualification_rate: number | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/analytics/timeseries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The same figures day by day or week by week
     * @description Days are UTC; from and to are both included, at most 366 days apart. Clicks and revenue come from day totals kept as they are written; revenue is what Stripe customers linked to a lead paid (succeeded charges, less succeeded refunds on the day of the refund), per currency of the charges. Every day or week of the period has a point, zeros included.
     */
    get: {
      parameters: {
        query?: {
          /** @description One campaign (cmp_...); every campaign without it */
          campaign_id?: string;
          /** @description The first day (UTC), YYYY-MM-DD; default 29 days before to */
          from?: string;
          /** @description The last day (UTC), included, YYYY-MM-DD; default today */
          to?: string;
          /** @description day: one point a UTC day; week: one point a week, weeks starting on Monday */
          interval?: 'day' | 'week';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'analytics_timeseries';
              campaign_id: string | null;
              from: string;
              to: string;
              /**
               * @description day: one point a UTC day; week: one point a week, weeks starting on Monday
               * @enum {string}
               */
              interval: 'day' | 'week';
              data: {
                /** @description The first day of the point (a Monday for weeks; may be before from) */
                start: string;
                /** @description Referral link clicks */
                clicks: number;
                /** @description Referrers who joined the campaign */
                sign_ups: number;
                /** @description Friends referred (rejected ones excluded) */
                leads: number;
                /** @description Leads that qualified in the period (and still are) */
                qualified: number;
                /** @description What referred customers paid, refunds taken away, per currency of the charges */
                revenue: {
                  /** @description Minor units */
                  amount: number;
                  /** @description Lower-case ISO code */
                  currency: string;
                }[];
                /** @description Rewards issued in Stripe */
                rewards_issued: number;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/analytics/top_referrers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The referrers with the most qualified leads in a period, then the most leads
     * @description Days are UTC; from and to are both included, at most 366 days apart. Clicks and revenue come from day totals kept as they are written; revenue is what Stripe customers linked to a lead paid (succeeded charges, less succeeded refunds on the day of the refund), per currency of the charges.
     */
    get: {
      parameters: {
        query?: {
          /** @description One campaign (cmp_...); every campaign without it */
          campaign_id?: string;
          /** @description The first day (UTC), YYYY-MM-DD; default 29 days before to */
          from?: string;
          /** @description The last day (UTC), included, YYYY-MM-DD; default today */
          to?: string;
          /** @description How many referrers, 1 to 50 (default 10) */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              campaign_id: string | null;
              from: string;
              to: string;
              data: {
                referrer_id: string;
                campaign_id: string;
                email: string;
                first_name: string;
                last_name: string | null;
                clicks: number;
                leads: number;
                qualified: number;
                revenue: {
                  /** @description Minor units */
                  amount: number;
                  /** @description Lower-case ISO code */
                  currency: string;
                }[];
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/r/{slug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Follow a referral link: 302 to the landing page with vouch_ref, counting the click */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          slug: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/referrals/{slug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What a referral link belongs to (for the browser snippet and landing pages) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          slug: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'referral_link';
              slug: string;
              campaign_id: string;
              /** @enum {string} */
              campaign_status: 'draft' | 'live' | 'paused' | 'archived';
              cookie_days: number;
              referrer_first_name: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stripe/connections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List Stripe connections */
    get: {
      parameters: {
        query?: {
          limit?: number;
          starting_after?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                id: string;
                /** @enum {string} */
                object: 'stripe_connection';
                name: string;
                /** @enum {string} */
                method: 'api_key' | 'oauth';
                /** @enum {string} */
                mode: 'test' | 'live';
                stripe_account_id: string;
                default_currency: string;
                /** @description The last four characters of the key; the key itself is never returned */
                key_last4: string;
                /** @enum {string} */
                status: 'active' | 'disconnected';
                /**
                 * @description How events reach Vouch: its webhook endpoint; polling Stripe's Events API every few seconds (Stripe refused the endpoint, typically for want of a public URL); or both (an endpoint set up by hand)
                 * @enum {string}
                 */
                event_delivery: 'webhooks' | 'polling' | 'both';
                webhook: {
                  /**
                   * @description automatic: Vouch's own endpoint; manual: one set up by hand (the key may not create endpoints); none: Stripe refused the endpoint (see error), events are polled
                   * @enum {string}
                   */
                  setup: 'automatic' | 'manual' | 'none';
                  /** @description Where Stripe must send events for this connection */
                  url: string;
                  endpoint_id: string | null;
                  secret_configured: boolean;
                  /** @description Why there is no endpoint of Vouch's own, in Stripe's words */
                  error: string | null;
                  /** @description The event types the endpoint must send */
                  events: string[];
                };
                last_event_at: string | null;
                /** @description ISO 8601, UTC */
                created_at: string;
                disconnected_at: string | null;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Connect a Stripe account with a secret or restricted API key
     * @description The key is checked with a live call, stored encrypted and never returned. Vouch creates one webhook endpoint in the account for all campaigns; when the key may not, `webhook.setup` is `manual` and `webhook.url` / `webhook.events` say what to add in Stripe.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            api_key: string;
            name?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'stripe_connection';
              name: string;
              /** @enum {string} */
              method: 'api_key' | 'oauth';
              /** @enum {string} */
              mode: 'test' | 'live';
              stripe_account_id: string;
              default_currency: string;
              /** @description The last four characters of the key; the key itself is never returned */
              key_last4: string;
              /** @enum {string} */
              status: 'active' | 'disconnected';
              /**
               * @description How events reach Vouch: its webhook endpoint; polling Stripe's Events API every few seconds (Stripe refused the endpoint, typically for want of a public URL); or both (an endpoint set up by hand)
               * @enum {string}
               */
              event_delivery: 'webhooks' | 'polling' | 'both';
              webhook: {
                /**
                 * @description automatic: Vouch's own endpoint; manual: one set up by hand (the key may not create endpoints); none: Stripe refused the endpoint (see error), events are polled
                 * @enum {string}
                 */
                setup: 'automatic' | 'manual' | 'none';
                /** @description Where Stripe must send events for this connection */
                url: string;
                endpoint_id: string | null;
                secret_configured: boolean;
                /** @description Why there is no endpoint of Vouch's own, in Stripe's words */
                error: string | null;
                /** @description The event types the endpoint must send */
                events: string[];
              };
              last_event_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              disconnected_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`, `stripe_<code>`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `already_connected`, `stripe_authentication_failed`, `stripe_permission_denied`, `stripe_idempotency_error`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Stripe failed to answer: `stripe_unreachable`, `stripe_unavailable`. */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `stripe_unavailable`, `stripe_rate_limited`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stripe/connections/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Retrieve a Stripe connection */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'stripe_connection';
              name: string;
              /** @enum {string} */
              method: 'api_key' | 'oauth';
              /** @enum {string} */
              mode: 'test' | 'live';
              stripe_account_id: string;
              default_currency: string;
              /** @description The last four characters of the key; the key itself is never returned */
              key_last4: string;
              /** @enum {string} */
              status: 'active' | 'disconnected';
              /**
               * @description How events reach Vouch: its webhook endpoint; polling Stripe's Events API every few seconds (Stripe refused the endpoint, typically for want of a public URL); or both (an endpoint set up by hand)
               * @enum {string}
               */
              event_delivery: 'webhooks' | 'polling' | 'both';
              webhook: {
                /**
                 * @description automatic: Vouch's own endpoint; manual: one set up by hand (the key may not create endpoints); none: Stripe refused the endpoint (see error), events are polled
                 * @enum {string}
                 */
                setup: 'automatic' | 'manual' | 'none';
                /** @description Where Stripe must send events for this connection */
                url: string;
                endpoint_id: string | null;
                secret_configured: boolean;
                /** @description Why there is no endpoint of Vouch's own, in Stripe's words */
                error: string | null;
                /** @description The event types the endpoint must send */
                events: string[];
              };
              last_event_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              disconnected_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stripe/connections/{id}/disconnect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Disconnect: the webhook endpoint is removed and traffic stops both ways; synced data stays */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'stripe_connection';
              name: string;
              /** @enum {string} */
              method: 'api_key' | 'oauth';
              /** @enum {string} */
              mode: 'test' | 'live';
              stripe_account_id: string;
              default_currency: string;
              /** @description The last four characters of the key; the key itself is never returned */
              key_last4: string;
              /** @enum {string} */
              status: 'active' | 'disconnected';
              /**
               * @description How events reach Vouch: its webhook endpoint; polling Stripe's Events API every few seconds (Stripe refused the endpoint, typically for want of a public URL); or both (an endpoint set up by hand)
               * @enum {string}
               */
              event_delivery: 'webhooks' | 'polling' | 'both';
              webhook: {
                /**
                 * @description automatic: Vouch's own endpoint; manual: one set up by hand (the key may not create endpoints); none: Stripe refused the endpoint (see error), events are polled
                 * @enum {string}
                 */
                setup: 'automatic' | 'manual' | 'none';
                /** @description Where Stripe must send events for this connection */
                url: string;
                endpoint_id: string | null;
                secret_configured: boolean;
                /** @description Why there is no endpoint of Vouch's own, in Stripe's words */
                error: string | null;
                /** @description The event types the endpoint must send */
                events: string[];
              };
              last_event_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              disconnected_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`, `stripe_<code>`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `stripe_authentication_failed`, `stripe_permission_denied`, `stripe_idempotency_error`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Stripe failed to answer: `stripe_unreachable`, `stripe_unavailable`. */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `stripe_unavailable`, `stripe_rate_limited`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stripe/connections/{id}/webhook_secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set the webhook signing secret (manual set-up, or rotation: the previous secret stays valid) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            secret: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'stripe_connection';
              name: string;
              /** @enum {string} */
              method: 'api_key' | 'oauth';
              /** @enum {string} */
              mode: 'test' | 'live';
              stripe_account_id: string;
              default_currency: string;
              /** @description The last four characters of the key; the key itself is never returned */
              key_last4: string;
              /** @enum {string} */
              status: 'active' | 'disconnected';
              /**
               * @description How events reach Vouch: its webhook endpoint; polling Stripe's Events API every few seconds (Stripe refused the endpoint, typically for want of a public URL); or both (an endpoint set up by hand)
               * @enum {string}
               */
              event_delivery: 'webhooks' | 'polling' | 'both';
              webhook: {
                /**
                 * @description automatic: Vouch's own endpoint; manual: one set up by hand (the key may not create endpoints); none: Stripe refused the endpoint (see error), events are polled
                 * @enum {string}
                 */
                setup: 'automatic' | 'manual' | 'none';
                /** @description Where Stripe must send events for this connection */
                url: string;
                endpoint_id: string | null;
                secret_configured: boolean;
                /** @description Why there is no endpoint of Vouch's own, in Stripe's words */
                error: string | null;
                /** @description The event types the endpoint must send */
                events: string[];
              };
              last_event_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              disconnected_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `connection_disconnected`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The object is gone: `connection_disconnected`. */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stripe/connections/{id}/webhook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create the webhook endpoint in Stripe anew */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'stripe_connection';
              name: string;
              /** @enum {string} */
              method: 'api_key' | 'oauth';
              /** @enum {string} */
              mode: 'test' | 'live';
              stripe_account_id: string;
              default_currency: string;
              /** @description The last four characters of the key; the key itself is never returned */
              key_last4: string;
              /** @enum {string} */
              status: 'active' | 'disconnected';
              /**
               * @description How events reach Vouch: its webhook endpoint; polling Stripe's Events API every few seconds (Stripe refused the endpoint, typically for want of a public URL); or both (an endpoint set up by hand)
               * @enum {string}
               */
              event_delivery: 'webhooks' | 'polling' | 'both';
              webhook: {
                /**
                 * @description automatic: Vouch's own endpoint; manual: one set up by hand (the key may not create endpoints); none: Stripe refused the endpoint (see error), events are polled
                 * @enum {string}
                 */
                setup: 'automatic' | 'manual' | 'none';
                /** @description Where Stripe must send events for this connection */
                url: string;
                endpoint_id: string | null;
                secret_configured: boolean;
                /** @description Why there is no endpoint of Vouch's own, in Stripe's words */
                error: string | null;
                /** @description The event types the endpoint must send */
                events: string[];
              };
              last_event_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              disconnected_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`, `stripe_<code>`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `connection_disconnected`, `stripe_authentication_failed`, `stripe_permission_denied`, `stripe_idempotency_error`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The object is gone: `connection_disconnected`. */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Stripe failed to answer: `stripe_unreachable`, `stripe_unavailable`. */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `stripe_unavailable`, `stripe_rate_limited`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stripe/connections/{id}/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Is the connection working? Each problem comes with what to do about it */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'stripe_connection_health';
              connection_id: string;
              healthy: boolean;
              api_key_works: boolean;
              webhook: {
                /** @enum {string} */
                setup: 'automatic' | 'manual' | 'none';
                url: string;
                exists: boolean | null;
                enabled: boolean | null;
                secret_configured: boolean;
                error: string | null;
              };
              event_delivery: {
                /** @enum {string} */
                mode: 'webhooks' | 'polling' | 'both';
                /** @description When events were last read from Stripe, while polling runs */
                polled_at: string | null;
                /** @description Seconds since the last good poll, while polling runs */
                lag_seconds: number | null;
                poll_error: string | null;
                /** @description Polls failed in a row */
                poll_failures: number;
                reconcile_error: string | null;
                /** @description Reconciliation runs failed in a row */
                reconcile_failures: number;
              };
              last_event_at: string | null;
              reconciled_until: string | null;
              events: {
                processed: number;
                waiting: number;
                dead: number;
              };
              problems: {
                code: string;
                /** @enum {string} */
                severity: 'error' | 'warning' | 'info';
                message: string;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stripe/connections/{id}/reconcile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Fetch events Stripe sent while the webhook was down (a background job) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'job';
              name: string;
              id: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `queue_unavailable`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stripe/connections/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The connection's events inbox, newest first: all, or the dead-lettered (failed repeatedly, with the reason), waiting or processed ones */
    get: {
      parameters: {
        query?: {
          status?: 'all' | 'dead' | 'waiting' | 'processed';
          limit?: number;
          starting_after?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                id: string;
                /** @enum {string} */
                object: 'stripe_event';
                connection_id: string;
                type: string;
                /** @description ISO 8601, UTC */
                created_at: string;
                /** @description ISO 8601, UTC */
                received_at: string;
                /**
                 * @description How the event reached Vouch
                 * @enum {string}
                 */
                source: 'webhook' | 'reconciliation' | 'polling';
                processed_at: string | null;
                attempts: number;
                last_error: string | null;
                dead_at: string | null;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stripe/connections/{id}/events/{event_id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Process a dead-lettered event again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          event_id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'stripe_event';
              id: string;
              /** @enum {boolean} */
              replayed: true;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/stripe/{connection_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Receives Stripe events for a connection (signed with the endpoint secret) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          connection_id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              received: true;
              duplicate: boolean;
              ignored: boolean;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `signature_missing`, `signature_invalid`, `webhook_secret_missing`, `event_malformed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `connection_disconnected`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The object is gone: `connection_disconnected`. */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/syncs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The campaign's syncs, newest first */
    get: {
      parameters: {
        query?: {
          /** @description How many objects to return, 1 to 100 (default 10). */
          limit?: number;
          /** @description Cursor: the id of the last object on the previous page. */
          starting_after?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                id: string;
                /** @enum {string} */
                object: 'sync';
                campaign_id: string;
                connection_id: string;
                /** @enum {string} */
                kind: 'one_time' | 'ongoing';
                dry_run: boolean;
                /** @enum {string} */
                status: 'running' | 'live' | 'completed' | 'stopped' | 'cancelled' | 'failed';
                /** @description participant_limit when the campaign filled up */
                stop_reason: string | null;
                /** @description Referrer field ← Stripe customer field; first_name and email are required */
                inbound: {
                  [key: string]: ('name' | 'email' | 'description' | 'phone') | string;
                };
                /** @description Where each value goes on the Stripe customer; the referral link is required */
                return: {
                  referral_link:
                    | {
                        /** @enum {string} */
                        to: 'name';
                      }
                    | {
                        /** @enum {string} */
                        to: 'email';
                      }
                    | {
                        /** @enum {string} */
                        to: 'description';
                      }
                    | {
                        /** @enum {string} */
                        to: 'metadata';
                        key: string;
                      }
                    | {
                        /** @enum {string} */
                        to: 'none';
                      };
                  referral_code:
                    | {
                        /** @enum {string} */
                        to: 'name';
                      }
                    | {
                        /** @enum {string} */
                        to: 'email';
                      }
                    | {
                        /** @enum {string} */
                        to: 'description';
                      }
                    | {
                        /** @enum {string} */
                        to: 'metadata';
                        key: string;
                      }
                    | {
                        /** @enum {string} */
                        to: 'none';
                      };
                  referrals_count:
                    | {
                        /** @enum {string} */
                        to: 'name';
                      }
                    | {
                        /** @enum {string} */
                        to: 'email';
                      }
                    | {
                        /** @enum {string} */
                        to: 'description';
                      }
                    | {
                        /** @enum {string} */
                        to: 'metadata';
                        key: string;
                      }
                    | {
                        /** @enum {string} */
                        to: 'none';
                      };
                  converted_count:
                    | {
                        /** @enum {string} */
                        to: 'name';
                      }
                    | {
                        /** @enum {string} */
                        to: 'email';
                      }
                    | {
                        /** @enum {string} */
                        to: 'description';
                      }
                    | {
                        /** @enum {string} */
                        to: 'metadata';
                        key: string;
                      }
                    | {
                        /** @enum {string} */
                        to: 'none';
                      };
                };
                /** @enum {string} */
                name_version: 'original' | 'v1' | 'v2' | 'v3' | 'v4' | 'v5';
                /** @description false: bring customers in without writing to Stripe */
                write_back: boolean;
                /** @description This sync's own pace; the account's budget (STRIPE_RATE_LIMIT_TEST/LIVE) always applies */
                requests_per_second: number | null;
                progress: {
                  /** @description Distinct customers met: an ongoing sync counts a customer once, however often it comes back */
                  customers_seen: number;
                  /** @description In a dry run: how many would be created */
                  referrers_created: number;
                  already_referrers: number;
                  skipped: number;
                  skipped_by_reason: {
                    missing_field: number;
                    participant_limit: number;
                  };
                  written_back: number;
                  /** @description Customers whose Stripe fields already showed the values */
                  already_current: number;
                  /** @description Writes Stripe refused (a deleted customer); each keeps its reason */
                  write_failures: number;
                  writes_waiting: number;
                  customers_per_second: number | null;
                  writes_per_second: number | null;
                  /** @description null until it can be estimated (Stripe gives no total) */
                  eta_seconds: number | null;
                  listing_done: boolean;
                };
                passes: number;
                last_error: string | null;
                /** @description ISO 8601, UTC */
                started_at: string;
                listing_done_at: string | null;
                finished_at: string | null;
                next_pass_at: string | null;
                /** @description An ongoing sync: when it last made a referrer of a customer (null for other syncs) */
                last_enrolled_at: string | null;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Start a sync of the campaign connection's Stripe customers (a background run) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description ongoing: new and changed customers join through webhooks, with an hourly catch-up pass
             * @default one_time
             * @enum {string}
             */
            kind?: 'one_time' | 'ongoing';
            /**
             * @description Decide everything the real run would (referrers made, already referrers, each skip and its reason, where the participant limit stops it) and change nothing
             * @default false
             */
            dry_run?: boolean;
            /**
             * @description Referrer field ← Stripe customer field; first_name and email are required
             * @default {
             *       "first_name": "name",
             *       "email": "email"
             *     }
             */
            inbound?: {
              [key: string]: ('name' | 'email' | 'description' | 'phone') | string;
            };
            /**
             * @description Where each value goes on the Stripe customer; the referral link is required
             * @default {
             *       "referral_link": {
             *         "to": "metadata",
             *         "key": "vouch_referral_link"
             *       },
             *       "referral_code": {
             *         "to": "none"
             *       },
             *       "referrals_count": {
             *         "to": "none"
             *       },
             *       "converted_count": {
             *         "to": "none"
             *       }
             *     }
             */
            return?: {
              /**
               * @default {
               *       "to": "metadata",
               *       "key": "vouch_referral_link"
               *     }
               */
              referral_link?:
                | {
                    /** @enum {string} */
                    to: 'name';
                  }
                | {
                    /** @enum {string} */
                    to: 'email';
                  }
                | {
                    /** @enum {string} */
                    to: 'description';
                  }
                | {
                    /** @enum {string} */
                    to: 'metadata';
                    key: string;
                  }
                | {
                    /** @enum {string} */
                    to: 'none';
                  };
              /**
               * @default {
               *       "to": "none"
               *     }
               */
              referral_code?:
                | {
                    /** @enum {string} */
                    to: 'name';
                  }
                | {
                    /** @enum {string} */
                    to: 'email';
                  }
                | {
                    /** @enum {string} */
                    to: 'description';
                  }
                | {
                    /** @enum {string} */
                    to: 'metadata';
                    key: string;
                  }
                | {
                    /** @enum {string} */
                    to: 'none';
                  };
              /**
               * @default {
               *       "to": "none"
               *     }
               */
              referrals_count?:
                | {
                    /** @enum {string} */
                    to: 'name';
                  }
                | {
                    /** @enum {string} */
                    to: 'email';
                  }
                | {
                    /** @enum {string} */
                    to: 'description';
                  }
                | {
                    /** @enum {string} */
                    to: 'metadata';
                    key: string;
                  }
                | {
                    /** @enum {string} */
                    to: 'none';
                  };
              /**
               * @default {
               *       "to": "none"
               *     }
               */
              converted_count?:
                | {
                    /** @enum {string} */
                    to: 'name';
                  }
                | {
                    /** @enum {string} */
                    to: 'email';
                  }
                | {
                    /** @enum {string} */
                    to: 'description';
                  }
                | {
                    /** @enum {string} */
                    to: 'metadata';
                    key: string;
                  }
                | {
                    /** @enum {string} */
                    to: 'none';
                  };
            };
            /**
             * @default original
             * @enum {string}
             */
            name_version?: 'original' | 'v1' | 'v2' | 'v3' | 'v4' | 'v5';
            /**
             * @description false: bring customers in without writing to Stripe
             * @default true
             */
            write_back?: boolean;
            /**
             * @description This sync's own pace; the account's budget (STRIPE_RATE_LIMIT_TEST/LIVE) always applies
             * @default null
             */
            requests_per_second?: number | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'sync';
              campaign_id: string;
              connection_id: string;
              /** @enum {string} */
              kind: 'one_time' | 'ongoing';
              dry_run: boolean;
              /** @enum {string} */
              status: 'running' | 'live' | 'completed' | 'stopped' | 'cancelled' | 'failed';
              /** @description participant_limit when the campaign filled up */
              stop_reason: string | null;
              /** @description Referrer field ← Stripe customer field; first_name and email are required */
              inbound: {
                [key: string]: ('name' | 'email' | 'description' | 'phone') | string;
              };
              /** @description Where each value goes on the Stripe customer; the referral link is required */
              return: {
                referral_link:
                  | {
                      /** @enum {string} */
                      to: 'name';
                    }
                  | {
                      /** @enum {string} */
                      to: 'email';
                    }
                  | {
                      /** @enum {string} */
                      to: 'description';
                    }
                  | {
                      /** @enum {string} */
                      to: 'metadata';
                      key: string;
                    }
                  | {
                      /** @enum {string} */
                      to: 'none';
                    };
                referral_code:
                  | {
                      /** @enum {string} */
                      to: 'name';
                    }
                  | {
                      /** @enum {string} */
                      to: 'email';
                    }
                  | {
                      /** @enum {string} */
                      to: 'description';
                    }
                  | {
                      /** @enum {string} */
                      to: 'metadata';
                      key: string;
                    }
                  | {
                      /** @enum {string} */
                      to: 'none';
                    };
                referrals_count:
                  | {
                      /** @enum {string} */
                      to: 'name';
                    }
                  | {
                      /** @enum {string} */
                      to: 'email';
                    }
                  | {
                      /** @enum {string} */
                      to: 'description';
                    }
                  | {
                      /** @enum {string} */
                      to: 'metadata';
                      key: string;
                    }
                  | {
                      /** @enum {string} */
                      to: 'none';
                    };
                converted_count:
                  | {
                      /** @enum {string} */
                      to: 'name';
                    }
                  | {
                      /** @enum {string} */
                      to: 'email';
                    }
                  | {
                      /** @enum {string} */
                      to: 'description';
                    }
                  | {
                      /** @enum {string} */
                      to: 'metadata';
                      key: string;
                    }
                  | {
                      /** @enum {string} */
                      to: 'none';
                    };
              };
              /** @enum {string} */
              name_version: 'original' | 'v1' | 'v2' | 'v3' | 'v4' | 'v5';
              /** @description false: bring customers in without writing to Stripe */
              write_back: boolean;
              /** @description This sync's own pace; the account's budget (STRIPE_RATE_LIMIT_TEST/LIVE) always applies */
              requests_per_second: number | null;
              progress: {
                /** @description Distinct customers met: an ongoing sync counts a customer once, however often it comes back */
                customers_seen: number;
                /** @description In a dry run: how many would be created */
                referrers_created: number;
                already_referrers: number;
                skipped: number;
                skipped_by_reason: {
                  missing_field: number;
                  participant_limit: number;
                };
                written_back: number;
                /** @description Customers whose Stripe fields already showed the values */
                already_current: number;
                /** @description Writes Stripe refused (a deleted customer); each keeps its reason */
                write_failures: number;
                writes_waiting: number;
                customers_per_second: number | null;
                writes_per_second: number | null;
                /** @description null until it can be estimated (Stripe gives no total) */
                eta_seconds: number | null;
                listing_done: boolean;
              };
              passes: number;
              last_error: string | null;
              /** @description ISO 8601, UTC */
              started_at: string;
              listing_done_at: string | null;
              finished_at: string | null;
              next_pass_at: string | null;
              /** @description An ongoing sync: when it last made a referrer of a customer (null for other syncs) */
              last_enrolled_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`, `stripe_<code>`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `no_stripe_connection`, `connection_disconnected`, `stripe_authentication_failed`, `stripe_permission_denied`, `stripe_idempotency_error`, `campaign_archived`, `sync_in_progress`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The object is gone: `connection_disconnected`. */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Stripe failed to answer: `stripe_unreachable`, `stripe_unavailable`. */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `stripe_unavailable`, `stripe_rate_limited`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/syncs/name_preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The names of a few real Stripe customers in every name version */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                customer_id: string;
                name: string | null;
                versions: {
                  [key: string]: string;
                };
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`, `stripe_<code>`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `no_stripe_connection`, `connection_disconnected`, `stripe_authentication_failed`, `stripe_permission_denied`, `stripe_idempotency_error`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The object is gone: `connection_disconnected`. */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Stripe failed to answer: `stripe_unreachable`, `stripe_unavailable`. */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `stripe_unavailable`, `stripe_rate_limited`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/syncs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A sync and its progress */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'sync';
              campaign_id: string;
              connection_id: string;
              /** @enum {string} */
              kind: 'one_time' | 'ongoing';
              dry_run: boolean;
              /** @enum {string} */
              status: 'running' | 'live' | 'completed' | 'stopped' | 'cancelled' | 'failed';
              /** @description participant_limit when the campaign filled up */
              stop_reason: string | null;
              /** @description Referrer field ← Stripe customer field; first_name and email are required */
              inbound: {
                [key: string]: ('name' | 'email' | 'description' | 'phone') | string;
              };
              /** @description Where each value goes on the Stripe customer; the referral link is required */
              return: {
                referral_link:
                  | {
                      /** @enum {string} */
                      to: 'name';
                    }
                  | {
                      /** @enum {string} */
                      to: 'email';
                    }
                  | {
                      /** @enum {string} */
                      to: 'description';
                    }
                  | {
                      /** @enum {string} */
                      to: 'metadata';
                      key: string;
                    }
                  | {
                      /** @enum {string} */
                      to: 'none';
                    };
                referral_code:
                  | {
                      /** @enum {string} */
                      to: 'name';
                    }
                  | {
                      /** @enum {string} */
                      to: 'email';
                    }
                  | {
                      /** @enum {string} */
                      to: 'description';
                    }
                  | {
                      /** @enum {string} */
                      to: 'metadata';
                      key: string;
                    }
                  | {
                      /** @enum {string} */
                      to: 'none';
                    };
                referrals_count:
                  | {
                      /** @enum {string} */
                      to: 'name';
                    }
                  | {
                      /** @enum {string} */
                      to: 'email';
                    }
                  | {
                      /** @enum {string} */
                      to: 'description';
                    }
                  | {
                      /** @enum {string} */
                      to: 'metadata';
                      key: string;
                    }
                  | {
                      /** @enum {string} */
                      to: 'none';
                    };
                converted_count:
                  | {
                      /** @enum {string} */
                      to: 'name';
                    }
                  | {
                      /** @enum {string} */
                      to: 'email';
                    }
                  | {
                      /** @enum {string} */
                      to: 'description';
                    }
                  | {
                      /** @enum {string} */
                      to: 'metadata';
                      key: string;
                    }
                  | {
                      /** @enum {string} */
                      to: 'none';
                    };
              };
              /** @enum {string} */
              name_version: 'original' | 'v1' | 'v2' | 'v3' | 'v4' | 'v5';
              /** @description false: bring customers in without writing to Stripe */
              write_back: boolean;
              /** @description This sync's own pace; the account's budget (STRIPE_RATE_LIMIT_TEST/LIVE) always applies */
              requests_per_second: number | null;
              progress: {
                /** @description Distinct customers met: an ongoing sync counts a customer once, however often it comes back */
                customers_seen: number;
                /** @description In a dry run: how many would be created */
                referrers_created: number;
                already_referrers: number;
                skipped: number;
                skipped_by_reason: {
                  missing_field: number;
                  participant_limit: number;
                };
                written_back: number;
                /** @description Customers whose Stripe fields already showed the values */
                already_current: number;
                /** @description Writes Stripe refused (a deleted customer); each keeps its reason */
                write_failures: number;
                writes_waiting: number;
                customers_per_second: number | null;
                writes_per_second: number | null;
                /** @description null until it can be estimated (Stripe gives no total) */
                eta_seconds: number | null;
                listing_done: boolean;
              };
              passes: number;
              last_error: string | null;
              /** @description ISO 8601, UTC */
              started_at: string;
              listing_done_at: string | null;
              finished_at: string | null;
              next_pass_at: string | null;
              /** @description An ongoing sync: when it last made a referrer of a customer (null for other syncs) */
              last_enrolled_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/syncs/{id}/skips': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Customers the sync skipped, each with its reason */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description The last customer id of the previous page */
          starting_after?: string;
          /** @description Only the customers skipped for this reason */
          reason?: 'missing_field' | 'already_referrer' | 'participant_limit' | 'email_taken';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                /** @enum {string} */
                object: 'sync_skip';
                customer_id: string;
                /** @enum {string} */
                reason: 'missing_field' | 'already_referrer' | 'participant_limit' | 'email_taken';
                detail: string | null;
                /** @description ISO 8601, UTC */
                created_at: string;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/syncs/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stop a running or ongoing sync; what it did stays */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'sync';
              campaign_id: string;
              connection_id: string;
              /** @enum {string} */
              kind: 'one_time' | 'ongoing';
              dry_run: boolean;
              /** @enum {string} */
              status: 'running' | 'live' | 'completed' | 'stopped' | 'cancelled' | 'failed';
              /** @description participant_limit when the campaign filled up */
              stop_reason: string | null;
              /** @description Referrer field ← Stripe customer field; first_name and email are required */
              inbound: {
                [key: string]: ('name' | 'email' | 'description' | 'phone') | string;
              };
              /** @description Where each value goes on the Stripe customer; the referral link is required */
              return: {
                referral_link:
                  | {
                      /** @enum {string} */
                      to: 'name';
                    }
                  | {
                      /** @enum {string} */
                      to: 'email';
                    }
                  | {
                      /** @enum {string} */
                      to: 'description';
                    }
                  | {
                      /** @enum {string} */
                      to: 'metadata';
                      key: string;
                    }
                  | {
                      /** @enum {string} */
                      to: 'none';
                    };
                referral_code:
                  | {
                      /** @enum {string} */
                      to: 'name';
                    }
                  | {
                      /** @enum {string} */
                      to: 'email';
                    }
                  | {
                      /** @enum {string} */
                      to: 'description';
                    }
                  | {
                      /** @enum {string} */
                      to: 'metadata';
                      key: string;
                    }
                  | {
                      /** @enum {string} */
                      to: 'none';
                    };
                referrals_count:
                  | {
                      /** @enum {string} */
                      to: 'name';
                    }
                  | {
                      /** @enum {string} */
                      to: 'email';
                    }
                  | {
                      /** @enum {string} */
                      to: 'description';
                    }
                  | {
                      /** @enum {string} */
                      to: 'metadata';
                      key: string;
                    }
                  | {
                      /** @enum {string} */
                      to: 'none';
                    };
                converted_count:
                  | {
                      /** @enum {string} */
                      to: 'name';
                    }
                  | {
                      /** @enum {string} */
                      to: 'email';
                    }
                  | {
                      /** @enum {string} */
                      to: 'description';
                    }
                  | {
                      /** @enum {string} */
                      to: 'metadata';
                      key: string;
                    }
                  | {
                      /** @enum {string} */
                      to: 'none';
                    };
              };
              /** @enum {string} */
              name_version: 'original' | 'v1' | 'v2' | 'v3' | 'v4' | 'v5';
              /** @description false: bring customers in without writing to Stripe */
              write_back: boolean;
              /** @description This sync's own pace; the account's budget (STRIPE_RATE_LIMIT_TEST/LIVE) always applies */
              requests_per_second: number | null;
              progress: {
                /** @description Distinct customers met: an ongoing sync counts a customer once, however often it comes back */
                customers_seen: number;
                /** @description In a dry run: how many would be created */
                referrers_created: number;
                already_referrers: number;
                skipped: number;
                skipped_by_reason: {
                  missing_field: number;
                  participant_limit: number;
                };
                written_back: number;
                /** @description Customers whose Stripe fields already showed the values */
                already_current: number;
                /** @description Writes Stripe refused (a deleted customer); each keeps its reason */
                write_failures: number;
                writes_waiting: number;
                customers_per_second: number | null;
                writes_per_second: number | null;
                /** @description null until it can be estimated (Stripe gives no total) */
                eta_seconds: number | null;
                listing_done: boolean;
              };
              passes: number;
              last_error: string | null;
              /** @description ISO 8601, UTC */
              started_at: string;
              listing_done_at: string | null;
              finished_at: string | null;
              next_pass_at: string | null;
              /** @description An ongoing sync: when it last made a referrer of a customer (null for other syncs) */
              last_enrolled_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/coupon': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The campaign's coupon, and any problem with it (deleted in Stripe) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'campaign_coupon';
              campaign_id: string;
              coupon: {
                id: string;
                name: string | null;
                amount_off: number | null;
                currency: string | null;
                percent_off: number | null;
                /** @enum {string} */
                duration: 'once' | 'repeating' | 'forever';
                duration_in_months: number | null;
                valid: boolean;
                times_redeemed: number;
                /** @description Unix seconds, as Stripe gives it */
                created: number;
              };
              /**
               * @description Made by Vouch, or picked from the account
               * @enum {string}
               */
              origin: 'created' | 'existing';
              /** @enum {string} */
              status: 'active' | 'deleted';
              deleted_at: string | null;
              /** @description What stops the codes from working, with how to fix it */
              problems: {
                code: string;
                message: string;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Set the campaign's coupon: create one in Stripe (amount or percent off) or pick an existing one by coupon_id */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                /** @description An existing coupon of the account */
                coupon_id: string;
              }
            | {
                /** @description Shown to customers at checkout */
                name?: string;
                /** @description Minor units */
                amount_off?: number;
                /** @description Required with amount_off */
                currency?: string;
                percent_off?: number;
                /**
                 * @default once
                 * @enum {string}
                 */
                duration?: 'once' | 'repeating' | 'forever';
                /** @description Required when repeating */
                duration_in_months?: number;
              };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'campaign_coupon';
              campaign_id: string;
              coupon: {
                id: string;
                name: string | null;
                amount_off: number | null;
                currency: string | null;
                percent_off: number | null;
                /** @enum {string} */
                duration: 'once' | 'repeating' | 'forever';
                duration_in_months: number | null;
                valid: boolean;
                times_redeemed: number;
                /** @description Unix seconds, as Stripe gives it */
                created: number;
              };
              /**
               * @description Made by Vouch, or picked from the account
               * @enum {string}
               */
              origin: 'created' | 'existing';
              /** @enum {string} */
              status: 'active' | 'deleted';
              deleted_at: string | null;
              /** @description What stops the codes from working, with how to fix it */
              problems: {
                code: string;
                message: string;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`, `stripe_<code>`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `no_stripe_connection`, `connection_disconnected`, `stripe_authentication_failed`, `stripe_permission_denied`, `stripe_idempotency_error`, `campaign_archived`, `coupon_invalid`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The object is gone: `connection_disconnected`. */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Stripe failed to answer: `stripe_unreachable`, `stripe_unavailable`. */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `stripe_unavailable`, `stripe_rate_limited`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stripe/connections/{id}/coupons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The Stripe account's coupons, newest first (to pick a campaign coupon) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description A coupon id from the previous page */
          starting_after?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                id: string;
                name: string | null;
                amount_off: number | null;
                currency: string | null;
                percent_off: number | null;
                /** @enum {string} */
                duration: 'once' | 'repeating' | 'forever';
                duration_in_months: number | null;
                valid: boolean;
                times_redeemed: number;
                /** @description Unix seconds, as Stripe gives it */
                created: number;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`, `stripe_<code>`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `connection_disconnected`, `stripe_authentication_failed`, `stripe_permission_denied`, `stripe_idempotency_error`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The object is gone: `connection_disconnected`. */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Stripe failed to answer: `stripe_unreachable`, `stripe_unavailable`. */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `stripe_unavailable`, `stripe_rate_limited`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/promotion_codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the campaign's promotion codes, newest first */
    get: {
      parameters: {
        query?: {
          /** @description How many objects to return, 1 to 100 (default 10). */
          limit?: number;
          /** @description Cursor: the id of the last object on the previous page. */
          starting_after?: string;
          status?: 'pending' | 'active' | 'deactivating' | 'inactive' | 'failed';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                id: string;
                /** @enum {string} */
                object: 'promotion_code';
                campaign_id: string;
                referrer_id: string;
                /** @description The referrer's referral code; null until they are given one */
                code: string | null;
                coupon_id: string;
                /** @description The promotion code in Stripe (promo_...) */
                stripe_id: string | null;
                /**
                 * @description pending: being made in Stripe; deactivating: being switched off; failed: see error_code and last_error
                 * @enum {string}
                 */
                status: 'pending' | 'active' | 'deactivating' | 'inactive' | 'failed';
                /** @description code_taken, coupon_missing, stripe_refused, connection_disconnected */
                error_code: string | null;
                last_error: string | null;
                /** @description ISO 8601, UTC */
                created_at: string;
                /** @description ISO 8601, UTC */
                updated_at: string;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Make Stripe promotion codes under the campaign coupon: for one referrer, or for every referrer without one (a resumable background job at the Stripe rate limit) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Only this referrer; omit for all */
            referrer_id?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'promotion_code_progress';
              campaign_id: string;
              counts: {
                pending: number;
                active: number;
                deactivating: number;
                inactive: number;
                failed: number;
              };
              codes_per_second_last_minute: number;
              /** @description Until no code is pending; null while none was made lately */
              eta_seconds: number | null;
              queued: number;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`, `stripe_<code>`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `no_stripe_connection`, `connection_disconnected`, `stripe_authentication_failed`, `stripe_permission_denied`, `stripe_idempotency_error`, `campaign_archived`, `referrer_removed`, `no_coupon`, `coupon_deleted`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The object is gone: `connection_disconnected`. */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Stripe failed to answer: `stripe_unreachable`, `stripe_unavailable`. */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `stripe_unavailable`, `stripe_rate_limited`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/promotion_codes/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How far making the campaign's promotion codes is: counts by status, rate and time left */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'promotion_code_progress';
              campaign_id: string;
              counts: {
                pending: number;
                active: number;
                deactivating: number;
                inactive: number;
                failed: number;
              };
              codes_per_second_last_minute: number;
              /** @description Until no code is pending; null while none was made lately */
              eta_seconds: number | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stripe/oauth/authorize': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start connecting an account by Stripe Connect OAuth: open the returned URL as its owner */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'stripe_oauth_link';
              /** @description Stripe's approval page, for the account owner to open */
              url: string;
              /** @description Where Stripe sends the owner back; register it in Stripe */
              redirect_uri: string;
              /** @description ISO 8601, UTC: the link works until then */
              expires_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `oauth_not_configured`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/rewards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The reward ledger, newest first; filter by campaign, referrer, lead or status */
    get: {
      parameters: {
        query?: {
          /** @description How many objects to return, 1 to 100 (default 10). */
          limit?: number;
          /** @description Cursor: the id of the last object on the previous page. */
          starting_after?: string;
          campaign_id?: string;
          referrer_id?: string;
          lead_id?: string;
          status?:
            | 'held'
            | 'pending_approval'
            | 'pending'
            | 'issued'
            | 'failed'
            | 'cancelled'
            | 'reversing'
            | 'reversed';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                id: string;
                /** @enum {string} */
                object: 'reward';
                campaign_id: string;
                lead_id: string;
                referrer_id: string;
                /** @enum {string} */
                recipient: 'referrer' | 'friend';
                /** @enum {string} */
                kind: 'coupon' | 'balance_credit' | 'promotion_code';
                /** @description Minor units of currency: the credit given */
                amount: number | null;
                currency: string | null;
                coupon_id: string | null;
                /**
                 * @description held: until the hold ends; pending_approval: waits for POST .../approve; pending: being issued; reversing: being taken back
                 * @enum {string}
                 */
                status:
                  | 'held'
                  | 'pending_approval'
                  | 'pending'
                  | 'issued'
                  | 'failed'
                  | 'cancelled'
                  | 'reversing'
                  | 'reversed';
                cancel_reason: ('unqualified' | 'per_referrer_cap' | 'budget' | 'by_request') | null;
                /** @description ISO 8601, UTC */
                issue_after: string;
                /** @description The recipient's Stripe customer */
                customer_id: string | null;
                /** @description What Stripe made: the balance transaction, the promotion code, or the subscription given the coupon */
                stripe_object: string | null;
                /** @description The code text, for a promotion code reward */
                promotion_code: string | null;
                reversal_object: string | null;
                /** @description Set when Stripe could not take an issued reward back: decide what to do */
                review: string | null;
                attempts: number;
                last_error: string | null;
                issued_at: string | null;
                cancelled_at: string | null;
                reversed_at: string | null;
                /** @description ISO 8601, UTC */
                created_at: string;
                /** @description ISO 8601, UTC */
                updated_at: string;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/rewards/totals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Rewards counted by status and currency, with the credit they give; same filters as the ledger */
    get: {
      parameters: {
        query?: {
          campaign_id?: string;
          referrer_id?: string;
          lead_id?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'reward_totals';
              data: {
                /** @enum {string} */
                status:
                  | 'held'
                  | 'pending_approval'
                  | 'pending'
                  | 'issued'
                  | 'failed'
                  | 'cancelled'
                  | 'reversing'
                  | 'reversed';
                /** @description null for rewards without an amount (a coupon or a promotion code) */
                currency: string | null;
                count: number;
                /** @description Minor units of currency: the credit these rewards give; 0 without one */
                amount: number;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/rewards/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A reward with its timeline */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'reward';
              campaign_id: string;
              lead_id: string;
              referrer_id: string;
              /** @enum {string} */
              recipient: 'referrer' | 'friend';
              /** @enum {string} */
              kind: 'coupon' | 'balance_credit' | 'promotion_code';
              /** @description Minor units of currency: the credit given */
              amount: number | null;
              currency: string | null;
              coupon_id: string | null;
              /**
               * @description held: until the hold ends; pending_approval: waits for POST .../approve; pending: being issued; reversing: being taken back
               * @enum {string}
               */
              status:
                | 'held'
                | 'pending_approval'
                | 'pending'
                | 'issued'
                | 'failed'
                | 'cancelled'
                | 'reversing'
                | 'reversed';
              cancel_reason: ('unqualified' | 'per_referrer_cap' | 'budget' | 'by_request') | null;
              /** @description ISO 8601, UTC */
              issue_after: string;
              /** @description The recipient's Stripe customer */
              customer_id: string | null;
              /** @description What Stripe made: the balance transaction, the promotion code, or the subscription given the coupon */
              stripe_object: string | null;
              /** @description The code text, for a promotion code reward */
              promotion_code: string | null;
              reversal_object: string | null;
              /** @description Set when Stripe could not take an issued reward back: decide what to do */
              review: string | null;
              attempts: number;
              last_error: string | null;
              issued_at: string | null;
              cancelled_at: string | null;
              reversed_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
              timeline: {
                id: string;
                type: string;
                /** @description What happened and why, in words */
                message: string;
                /** @description The status after this event */
                status: string;
                /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                data: {
                  [key: string]: string | number | boolean | null;
                };
                /** @description ISO 8601, UTC */
                created_at: string;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/rewards/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve a reward waiting for approval (held until its hold ends, then issued) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'reward';
              campaign_id: string;
              lead_id: string;
              referrer_id: string;
              /** @enum {string} */
              recipient: 'referrer' | 'friend';
              /** @enum {string} */
              kind: 'coupon' | 'balance_credit' | 'promotion_code';
              /** @description Minor units of currency: the credit given */
              amount: number | null;
              currency: string | null;
              coupon_id: string | null;
              /**
               * @description held: until the hold ends; pending_approval: waits for POST .../approve; pending: being issued; reversing: being taken back
               * @enum {string}
               */
              status:
                | 'held'
                | 'pending_approval'
                | 'pending'
                | 'issued'
                | 'failed'
                | 'cancelled'
                | 'reversing'
                | 'reversed';
              cancel_reason: ('unqualified' | 'per_referrer_cap' | 'budget' | 'by_request') | null;
              /** @description ISO 8601, UTC */
              issue_after: string;
              /** @description The recipient's Stripe customer */
              customer_id: string | null;
              /** @description What Stripe made: the balance transaction, the promotion code, or the subscription given the coupon */
              stripe_object: string | null;
              /** @description The code text, for a promotion code reward */
              promotion_code: string | null;
              reversal_object: string | null;
              /** @description Set when Stripe could not take an issued reward back: decide what to do */
              review: string | null;
              attempts: number;
              last_error: string | null;
              issued_at: string | null;
              cancelled_at: string | null;
              reversed_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
              timeline: {
                id: string;
                type: string;
                /** @description What happened and why, in words */
                message: string;
                /** @description The status after this event */
                status: string;
                /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                data: {
                  [key: string]: string | number | boolean | null;
                };
                /** @description ISO 8601, UTC */
                created_at: string;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `reward_status`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/rewards/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Issue a failed reward again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'reward';
              campaign_id: string;
              lead_id: string;
              referrer_id: string;
              /** @enum {string} */
              recipient: 'referrer' | 'friend';
              /** @enum {string} */
              kind: 'coupon' | 'balance_credit' | 'promotion_code';
              /** @description Minor units of currency: the credit given */
              amount: number | null;
              currency: string | null;
              coupon_id: string | null;
              /**
               * @description held: until the hold ends; pending_approval: waits for POST .../approve; pending: being issued; reversing: being taken back
               * @enum {string}
               */
              status:
                | 'held'
                | 'pending_approval'
                | 'pending'
                | 'issued'
                | 'failed'
                | 'cancelled'
                | 'reversing'
                | 'reversed';
              cancel_reason: ('unqualified' | 'per_referrer_cap' | 'budget' | 'by_request') | null;
              /** @description ISO 8601, UTC */
              issue_after: string;
              /** @description The recipient's Stripe customer */
              customer_id: string | null;
              /** @description What Stripe made: the balance transaction, the promotion code, or the subscription given the coupon */
              stripe_object: string | null;
              /** @description The code text, for a promotion code reward */
              promotion_code: string | null;
              reversal_object: string | null;
              /** @description Set when Stripe could not take an issued reward back: decide what to do */
              review: string | null;
              attempts: number;
              last_error: string | null;
              issued_at: string | null;
              cancelled_at: string | null;
              reversed_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
              timeline: {
                id: string;
                type: string;
                /** @description What happened and why, in words */
                message: string;
                /** @description The status after this event */
                status: string;
                /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                data: {
                  [key: string]: string | number | boolean | null;
                };
                /** @description ISO 8601, UTC */
                created_at: string;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `reward_status`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/rewards/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a reward not issued yet */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'reward';
              campaign_id: string;
              lead_id: string;
              referrer_id: string;
              /** @enum {string} */
              recipient: 'referrer' | 'friend';
              /** @enum {string} */
              kind: 'coupon' | 'balance_credit' | 'promotion_code';
              /** @description Minor units of currency: the credit given */
              amount: number | null;
              currency: string | null;
              coupon_id: string | null;
              /**
               * @description held: until the hold ends; pending_approval: waits for POST .../approve; pending: being issued; reversing: being taken back
               * @enum {string}
               */
              status:
                | 'held'
                | 'pending_approval'
                | 'pending'
                | 'issued'
                | 'failed'
                | 'cancelled'
                | 'reversing'
                | 'reversed';
              cancel_reason: ('unqualified' | 'per_referrer_cap' | 'budget' | 'by_request') | null;
              /** @description ISO 8601, UTC */
              issue_after: string;
              /** @description The recipient's Stripe customer */
              customer_id: string | null;
              /** @description What Stripe made: the balance transaction, the promotion code, or the subscription given the coupon */
              stripe_object: string | null;
              /** @description The code text, for a promotion code reward */
              promotion_code: string | null;
              reversal_object: string | null;
              /** @description Set when Stripe could not take an issued reward back: decide what to do */
              review: string | null;
              attempts: number;
              last_error: string | null;
              issued_at: string | null;
              cancelled_at: string | null;
              reversed_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
              timeline: {
                id: string;
                type: string;
                /** @description What happened and why, in words */
                message: string;
                /** @description The status after this event */
                status: string;
                /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                data: {
                  [key: string]: string | number | boolean | null;
                };
                /** @description ISO 8601, UTC */
                created_at: string;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `reward_status`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/codes/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How referral codes perform in the campaign: codes, uses, leads, revenue and the coupon */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'code_summary';
              campaign_id: string;
              referrers_with_code: number;
              referrers_with_promotion_code: number;
              /** @description Promotion codes by status */
              promotion_codes: {
                [key: string]: number;
              };
              /** @description Uses of codes that count */
              redemptions: number;
              /** @description Uses that broke a rule of the code and do not count */
              refused_redemptions: number;
              refused_by_reason: {
                [key: string]: number;
              };
              leads_from_codes: number;
              qualified_leads_from_codes: number;
              /** @description What the orders that used a code paid, per currency */
              revenue: {
                currency: string;
                /** @description Minor units */
                amount: number;
              }[];
              coupon: {
                /** @enum {string} */
                object: 'campaign_coupon';
                campaign_id: string;
                coupon: {
                  id: string;
                  name: string | null;
                  amount_off: number | null;
                  currency: string | null;
                  percent_off: number | null;
                  /** @enum {string} */
                  duration: 'once' | 'repeating' | 'forever';
                  duration_in_months: number | null;
                  valid: boolean;
                  times_redeemed: number;
                  /** @description Unix seconds, as Stripe gives it */
                  created: number;
                };
                /**
                 * @description Made by Vouch, or picked from the account
                 * @enum {string}
                 */
                origin: 'created' | 'existing';
                /** @enum {string} */
                status: 'active' | 'deleted';
                deleted_at: string | null;
                /** @description What stops the codes from working, with how to fix it */
                problems: {
                  code: string;
                  message: string;
                }[];
              } | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`, `stripe_<code>`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `stripe_authentication_failed`, `stripe_permission_denied`, `stripe_idempotency_error`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Stripe failed to answer: `stripe_unreachable`, `stripe_unavailable`. */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `stripe_unavailable`, `stripe_rate_limited`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/referrers/{id}/codes/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How one referrer's code performs */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'referrer_code_summary';
              campaign_id: string;
              referrer_id: string;
              referral_code: string | null;
              promotion_code: {
                id: string;
                /** @enum {string} */
                object: 'promotion_code';
                campaign_id: string;
                referrer_id: string;
                /** @description The referrer's referral code; null until they are given one */
                code: string | null;
                coupon_id: string;
                /** @description The promotion code in Stripe (promo_...) */
                stripe_id: string | null;
                /**
                 * @description pending: being made in Stripe; deactivating: being switched off; failed: see error_code and last_error
                 * @enum {string}
                 */
                status: 'pending' | 'active' | 'deactivating' | 'inactive' | 'failed';
                /** @description code_taken, coupon_missing, stripe_refused, connection_disconnected */
                error_code: string | null;
                last_error: string | null;
                /** @description ISO 8601, UTC */
                created_at: string;
                /** @description ISO 8601, UTC */
                updated_at: string;
              } | null;
              /** @description Uses of codes that count */
              redemptions: number;
              /** @description Uses that broke a rule of the code and do not count */
              refused_redemptions: number;
              refused_by_reason: {
                [key: string]: number;
              };
              leads_from_codes: number;
              qualified_leads_from_codes: number;
              /** @description What the orders that used a code paid, per currency */
              revenue: {
                currency: string;
                /** @description Minor units */
                amount: number;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`, `stripe_<code>`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `stripe_authentication_failed`, `stripe_permission_denied`, `stripe_idempotency_error`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Stripe failed to answer: `stripe_unreachable`, `stripe_unavailable`. */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `stripe_unavailable`, `stripe_rate_limited`, `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/codes/redeem': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a referral code given at a till or on the phone: checks the code rules, creates or finds the lead, and qualifies it under the code method */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The referral code the customer gave */
            code: string;
            /** Format: email */
            email: string;
            first_name?: string;
            last_name?: string;
            /** @description The order before any discount, minor units */
            amount?: number;
            currency?: string;
            /** @description Your order number: sending the same one again records the use once */
            reference?: string;
            /**
             * Format: date-time
             * @description When the order happened; default now
             */
            occurred_at?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'code_redemption';
              id: string;
              campaign_id: string;
              referrer_id: string;
              lead_id: string | null;
              /** @enum {string} */
              source: 'checkout' | 'invoice' | 'offline';
              reference: string;
              amount: number | null;
              currency: string | null;
              /** @description Whether the use counts; when not, refusal and message say why */
              counted: boolean;
              refusal: string | null;
              message: string | null;
              /** @description ISO 8601, UTC */
              redeemed_at: string;
              /** @description The same reference was recorded before; nothing changed */
              already_recorded: boolean;
              lead: {
                id: string;
                /** @enum {string} */
                object: 'lead';
                campaign_id: string;
                referrer_id: string;
                email: string;
                first_name: string | null;
                last_name: string | null;
                /** @description Your own key-value pairs (strings) */
                metadata: {
                  [key: string]: string;
                };
                /** @enum {string} */
                source: 'api' | 'browser' | 'hosted_page' | 'checkout' | 'promotion_code' | 'offline';
                /** @enum {string} */
                status: 'pending' | 'qualified' | 'unqualified' | 'rejected' | 'expired';
                rejection_reason:
                  | ('self_referral' | 'already_lead' | 'existing_customer' | 'campaign_limit')
                  | null;
                /** @description ISO 8601, UTC */
                referred_at: string;
                /** @description ISO 8601, UTC */
                created_at: string;
                /** @description ISO 8601, UTC */
                updated_at: string;
                /** @description Present when retrieving one lead */
                timeline?: {
                  id: string;
                  type: string;
                  /** @description What happened and why, in words */
                  message: string;
                  /** @description The status after this event */
                  status: string;
                  /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                  data: {
                    [key: string]: string | number | boolean | null;
                  };
                  /** @description ISO 8601, UTC */
                  created_at: string;
                }[];
              } | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/referrers/{id}/portal_sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A one-time sign-in link to this referrer's portal */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Seconds the link opens the portal; 3600 when left out */
            expires_in?: number;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'portal_session';
              campaign_id: string;
              referrer_id: string;
              /** @description Opens the portal once, before expires_at: show it in the widget iframe or send it to the referrer */
              url: string;
              /** @description ISO 8601, UTC */
              expires_at: string;
              /** @description ISO 8601, UTC */
              created_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/portal_sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A one-time sign-in link to the portal of the campaign's referrer with this email; with first_name, someone not yet a referrer joins first */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            first_name?: string;
            last_name?: string | null;
            /** @description Seconds the link opens the portal; 3600 when left out */
            expires_in?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'portal_session';
              campaign_id: string;
              referrer_id: string;
              /** @description Opens the portal once, before expires_at: show it in the widget iframe or send it to the referrer */
              url: string;
              /** @description ISO 8601, UTC */
              expires_at: string;
              /** @description ISO 8601, UTC */
              created_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook_endpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List webhook endpoints, newest first */
    get: {
      parameters: {
        query?: {
          /** @description How many objects to return, 1 to 100 (default 10). */
          limit?: number;
          /** @description Cursor: the id of the last object on the previous page. */
          starting_after?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                id: string;
                /** @enum {string} */
                object: 'webhook_endpoint';
                url: string;
                description: string | null;
                event_types: (
                  | 'referrer.created'
                  | 'lead.created'
                  | 'lead.qualified'
                  | 'lead.unqualified'
                  | 'lead.expired'
                  | 'lead.rejected'
                  | 'reward.issued'
                  | 'reward.reversed'
                  | 'sync.completed'
                )[];
                /**
                 * @description A disabled endpoint gets no new deliveries and no retries
                 * @enum {string}
                 */
                status: 'active' | 'disabled';
                /** @description After a rotation: until when the previous secret also signs */
                previous_secret_expires_at: string | null;
                /** @description ISO 8601, UTC */
                created_at: string;
                /** @description ISO 8601, UTC */
                updated_at: string;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Add a webhook endpoint; the response is the only time its signing secret is shown */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Where events are POSTed */
            url: string;
            /** @description The event types this endpoint receives (at least one) */
            event_types: (
              | 'referrer.created'
              | 'lead.created'
              | 'lead.qualified'
              | 'lead.unqualified'
              | 'lead.expired'
              | 'lead.rejected'
              | 'reward.issued'
              | 'reward.reversed'
              | 'sync.completed'
            )[];
            /** @description What the endpoint is for, for your own reference */
            description?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'webhook_endpoint';
              url: string;
              description: string | null;
              event_types: (
                | 'referrer.created'
                | 'lead.created'
                | 'lead.qualified'
                | 'lead.unqualified'
                | 'lead.expired'
                | 'lead.rejected'
                | 'reward.issued'
                | 'reward.reversed'
                | 'sync.completed'
              )[];
              /**
               * @description A disabled endpoint gets no new deliveries and no retries
               * @enum {string}
               */
              status: 'active' | 'disabled';
              /** @description After a rotation: until when the previous secret also signs */
              previous_secret_expires_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
              /** @description whsec_...: signs every delivery (see docs/outgoing-webhooks.md). Shown only in this response. */
              secret: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook_endpoints/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A webhook endpoint (never its secret) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'webhook_endpoint';
              url: string;
              description: string | null;
              event_types: (
                | 'referrer.created'
                | 'lead.created'
                | 'lead.qualified'
                | 'lead.unqualified'
                | 'lead.expired'
                | 'lead.rejected'
                | 'reward.issued'
                | 'reward.reversed'
                | 'sync.completed'
              )[];
              /**
               * @description A disabled endpoint gets no new deliveries and no retries
               * @enum {string}
               */
              status: 'active' | 'disabled';
              /** @description After a rotation: until when the previous secret also signs */
              previous_secret_expires_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Change the URL, event types, description or status of a webhook endpoint */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Where events are POSTed */
            url?: string;
            /** @description The event types this endpoint receives (at least one) */
            event_types?: (
              | 'referrer.created'
              | 'lead.created'
              | 'lead.qualified'
              | 'lead.unqualified'
              | 'lead.expired'
              | 'lead.rejected'
              | 'reward.issued'
              | 'reward.reversed'
              | 'sync.completed'
            )[];
            /** @description What the endpoint is for, for your own reference */
            description?: string | null;
            /** @enum {string} */
            status?: 'active' | 'disabled';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'webhook_endpoint';
              url: string;
              description: string | null;
              event_types: (
                | 'referrer.created'
                | 'lead.created'
                | 'lead.qualified'
                | 'lead.unqualified'
                | 'lead.expired'
                | 'lead.rejected'
                | 'reward.issued'
                | 'reward.reversed'
                | 'sync.completed'
              )[];
              /**
               * @description A disabled endpoint gets no new deliveries and no retries
               * @enum {string}
               */
              status: 'active' | 'disabled';
              /** @description After a rotation: until when the previous secret also signs */
              previous_secret_expires_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Delete a webhook endpoint and its delivery log (to pause it, set status to disabled) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'webhook_endpoint';
              /** @enum {boolean} */
              deleted: true;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook_endpoints/{id}/rotate_secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give the endpoint a new signing secret, shown once in the response */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Hours the old secret keeps signing too (a second v1); 0 drops it at once
             * @default 0
             */
            previous_secret_valid_hours?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'webhook_endpoint';
              url: string;
              description: string | null;
              event_types: (
                | 'referrer.created'
                | 'lead.created'
                | 'lead.qualified'
                | 'lead.unqualified'
                | 'lead.expired'
                | 'lead.rejected'
                | 'reward.issued'
                | 'reward.reversed'
                | 'sync.completed'
              )[];
              /**
               * @description A disabled endpoint gets no new deliveries and no retries
               * @enum {string}
               */
              status: 'active' | 'disabled';
              /** @description After a rotation: until when the previous secret also signs */
              previous_secret_expires_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description ISO 8601, UTC */
              updated_at: string;
              /** @description whsec_...: signs every delivery (see docs/outgoing-webhooks.md). Shown only in this response. */
              secret: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook_endpoints/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a ping event to the endpoint now; answers the delivery with its attempt */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'webhook_delivery';
              endpoint_id: string;
              event_id: string;
              /** @description An event type from event_types, or ping */
              event_type: string;
              /**
               * @description pending: waiting for its next attempt; failed: every automatic attempt failed
               * @enum {string}
               */
              status: 'pending' | 'succeeded' | 'failed';
              attempt_count: number;
              next_attempt_at: string | null;
              last_status_code: number | null;
              last_error: string | null;
              /** @description When an attempt last succeeded */
              delivered_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description The body every attempt sends */
              event:
                | (
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'referrer.created';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          referrer: {
                            id: string;
                            /** @enum {string} */
                            object: 'referrer';
                            campaign_id: string;
                            email: string;
                            first_name: string;
                            last_name: string | null;
                            /** @description Your own key-value pairs (strings) */
                            metadata: {
                              [key: string]: string;
                            };
                            /** @enum {string} */
                            source: 'api' | 'hosted_page' | 'import' | 'sync';
                            slug: string;
                            referral_link: string;
                            referral_code: string | null;
                            /** @description Set when the referrer was removed: their link and code stopped working */
                            removed_at: string | null;
                            /** @description Leads referred, rejected ones excluded */
                            referrals_count: number;
                            /** @description Leads that qualified */
                            converted_referrals_count: number;
                            clicks_count: number;
                            /** @description ISO 8601, UTC */
                            created_at: string;
                            /** @description ISO 8601, UTC */
                            updated_at: string;
                          };
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'lead.created';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          lead: {
                            id: string;
                            /** @enum {string} */
                            object: 'lead';
                            campaign_id: string;
                            referrer_id: string;
                            email: string;
                            first_name: string | null;
                            last_name: string | null;
                            /** @description Your own key-value pairs (strings) */
                            metadata: {
                              [key: string]: string;
                            };
                            /** @enum {string} */
                            source:
                              | 'api'
                              | 'browser'
                              | 'hosted_page'
                              | 'checkout'
                              | 'promotion_code'
                              | 'offline';
                            /** @enum {string} */
                            status: 'pending' | 'qualified' | 'unqualified' | 'rejected' | 'expired';
                            rejection_reason:
                              | ('self_referral' | 'already_lead' | 'existing_customer' | 'campaign_limit')
                              | null;
                            /** @description ISO 8601, UTC */
                            referred_at: string;
                            /** @description ISO 8601, UTC */
                            created_at: string;
                            /** @description ISO 8601, UTC */
                            updated_at: string;
                            /** @description Present when retrieving one lead */
                            timeline?: {
                              id: string;
                              type: string;
                              /** @description What happened and why, in words */
                              message: string;
                              /** @description The status after this event */
                              status: string;
                              /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                              data: {
                                [key: string]: string | number | boolean | null;
                              };
                              /** @description ISO 8601, UTC */
                              created_at: string;
                            }[];
                          };
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'lead.rejected';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          lead: {
                            id: string;
                            /** @enum {string} */
                            object: 'lead';
                            campaign_id: string;
                            referrer_id: string;
                            email: string;
                            first_name: string | null;
                            last_name: string | null;
                            /** @description Your own key-value pairs (strings) */
                            metadata: {
                              [key: string]: string;
                            };
                            /** @enum {string} */
                            source:
                              | 'api'
                              | 'browser'
                              | 'hosted_page'
                              | 'checkout'
                              | 'promotion_code'
                              | 'offline';
                            /** @enum {string} */
                            status: 'pending' | 'qualified' | 'unqualified' | 'rejected' | 'expired';
                            rejection_reason:
                              | ('self_referral' | 'already_lead' | 'existing_customer' | 'campaign_limit')
                              | null;
                            /** @description ISO 8601, UTC */
                            referred_at: string;
                            /** @description ISO 8601, UTC */
                            created_at: string;
                            /** @description ISO 8601, UTC */
                            updated_at: string;
                            /** @description Present when retrieving one lead */
                            timeline?: {
                              id: string;
                              type: string;
                              /** @description What happened and why, in words */
                              message: string;
                              /** @description The status after this event */
                              status: string;
                              /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                              data: {
                                [key: string]: string | number | boolean | null;
                              };
                              /** @description ISO 8601, UTC */
                              created_at: string;
                            }[];
                          };
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'lead.qualified';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          /** @description The friend's net spend after this verdict, in minor units */
                          net_spend: number;
                          /** @description The Stripe object that caused it */
                          stripe_object: string | null;
                          /** @description The Stripe event that caused it */
                          stripe_event: string | null;
                          /** @description What caused it, such as a payment, a refund or the window closing */
                          cause: string;
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'lead.unqualified';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          /** @description The friend's net spend after this verdict, in minor units */
                          net_spend: number;
                          /** @description The Stripe object that caused it */
                          stripe_object: string | null;
                          /** @description The Stripe event that caused it */
                          stripe_event: string | null;
                          /** @description What caused it, such as a payment, a refund or the window closing */
                          cause: string;
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'lead.expired';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          /** @description The friend's net spend after this verdict, in minor units */
                          net_spend: number;
                          /** @description The Stripe object that caused it */
                          stripe_object: string | null;
                          /** @description The Stripe event that caused it */
                          stripe_event: string | null;
                          /** @description What caused it, such as a payment, a refund or the window closing */
                          cause: string;
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'reward.issued';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          reward: {
                            id: string;
                            /** @enum {string} */
                            object: 'reward';
                            campaign_id: string;
                            lead_id: string;
                            referrer_id: string;
                            /** @enum {string} */
                            recipient: 'referrer' | 'friend';
                            /** @enum {string} */
                            kind: 'coupon' | 'balance_credit' | 'promotion_code';
                            /** @description Minor units of currency: the credit given */
                            amount: number | null;
                            currency: string | null;
                            coupon_id: string | null;
                            /**
                             * @description held: until the hold ends; pending_approval: waits for POST .../approve; pending: being issued; reversing: being taken back
                             * @enum {string}
                             */
                            status:
                              | 'held'
                              | 'pending_approval'
                              | 'pending'
                              | 'issued'
                              | 'failed'
                              | 'cancelled'
                              | 'reversing'
                              | 'reversed';
                            cancel_reason:
                              | ('unqualified' | 'per_referrer_cap' | 'budget' | 'by_request')
                              | null;
                            /** @description ISO 8601, UTC */
                            issue_after: string;
                            /** @description The recipient's Stripe customer */
                            customer_id: string | null;
                            /** @description What Stripe made: the balance transaction, the promotion code, or the subscription given the coupon */
                            stripe_object: string | null;
                            /** @description The code text, for a promotion code reward */
                            promotion_code: string | null;
                            reversal_object: string | null;
                            /** @description Set when Stripe could not take an issued reward back: decide what to do */
                            review: string | null;
                            attempts: number;
                            last_error: string | null;
                            issued_at: string | null;
                            cancelled_at: string | null;
                            reversed_at: string | null;
                            /** @description ISO 8601, UTC */
                            created_at: string;
                            /** @description ISO 8601, UTC */
                            updated_at: string;
                          };
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'reward.reversed';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          reward: {
                            id: string;
                            /** @enum {string} */
                            object: 'reward';
                            campaign_id: string;
                            lead_id: string;
                            referrer_id: string;
                            /** @enum {string} */
                            recipient: 'referrer' | 'friend';
                            /** @enum {string} */
                            kind: 'coupon' | 'balance_credit' | 'promotion_code';
                            /** @description Minor units of currency: the credit given */
                            amount: number | null;
                            currency: string | null;
                            coupon_id: string | null;
                            /**
                             * @description held: until the hold ends; pending_approval: waits for POST .../approve; pending: being issued; reversing: being taken back
                             * @enum {string}
                             */
                            status:
                              | 'held'
                              | 'pending_approval'
                              | 'pending'
                              | 'issued'
                              | 'failed'
                              | 'cancelled'
                              | 'reversing'
                              | 'reversed';
                            cancel_reason:
                              | ('unqualified' | 'per_referrer_cap' | 'budget' | 'by_request')
                              | null;
                            /** @description ISO 8601, UTC */
                            issue_after: string;
                            /** @description The recipient's Stripe customer */
                            customer_id: string | null;
                            /** @description What Stripe made: the balance transaction, the promotion code, or the subscription given the coupon */
                            stripe_object: string | null;
                            /** @description The code text, for a promotion code reward */
                            promotion_code: string | null;
                            reversal_object: string | null;
                            /** @description Set when Stripe could not take an issued reward back: decide what to do */
                            review: string | null;
                            attempts: number;
                            last_error: string | null;
                            issued_at: string | null;
                            cancelled_at: string | null;
                            reversed_at: string | null;
                            /** @description ISO 8601, UTC */
                            created_at: string;
                            /** @description ISO 8601, UTC */
                            updated_at: string;
                          };
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'sync.completed';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          sync_id: string;
                          /**
                           * @description The sync status after this pass
                           * @enum {string}
                           */
                          status: 'running' | 'live' | 'completed' | 'stopped' | 'cancelled' | 'failed';
                          /** @enum {string} */
                          kind: 'one_time' | 'ongoing';
                          dry_run: boolean;
                          stop_reason: string | null;
                          customers_seen: number;
                          referrers_created: number;
                          already_referrers: number;
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'ping';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          endpoint_id: string;
                        };
                      }
                  )
                | {
                    id: string;
                    /** @enum {string} */
                    object: 'event';
                    type: string;
                    created_at: string;
                    /** @description null: this body has an earlier shape; `as_sent` holds it */
                    data: null;
                    /** @description The body as it was sent, as JSON text */
                    as_sent: string;
                  };
              /** @description Every attempt, oldest first (not in lists) */
              attempts?: {
                /** @enum {string} */
                object: 'webhook_attempt';
                /** @enum {string} */
                trigger: 'automatic' | 'replay' | 'test';
                /** @description ISO 8601, UTC */
                attempted_at: string;
                /** @description The endpoint's HTTP status; null when it did not answer */
                status_code: number | null;
                error: string | null;
                duration_ms: number;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `webhook_endpoint_disabled`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook_endpoints/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The endpoint's delivery log, newest first */
    get: {
      parameters: {
        query?: {
          /** @description How many objects to return, 1 to 100 (default 10). */
          limit?: number;
          /** @description Cursor: the id of the last object on the previous page. */
          starting_after?: string;
          status?: 'pending' | 'succeeded' | 'failed';
          event_type?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                id: string;
                /** @enum {string} */
                object: 'webhook_delivery';
                endpoint_id: string;
                event_id: string;
                /** @description An event type from event_types, or ping */
                event_type: string;
                /**
                 * @description pending: waiting for its next attempt; failed: every automatic attempt failed
                 * @enum {string}
                 */
                status: 'pending' | 'succeeded' | 'failed';
                attempt_count: number;
                next_attempt_at: string | null;
                last_status_code: number | null;
                last_error: string | null;
                /** @description When an attempt last succeeded */
                delivered_at: string | null;
                /** @description ISO 8601, UTC */
                created_at: string;
                /** @description The body every attempt sends */
                event:
                  | (
                      | {
                          id: string;
                          /** @enum {string} */
                          object: 'event';
                          /** @enum {string} */
                          type: 'referrer.created';
                          /** @description ISO 8601, UTC */
                          created_at: string;
                          data: {
                            campaign_id: string;
                            referrer_id: string;
                            referrer: {
                              id: string;
                              /** @enum {string} */
                              object: 'referrer';
                              campaign_id: string;
                              email: string;
                              first_name: string;
                              last_name: string | null;
                              /** @description Your own key-value pairs (strings) */
                              metadata: {
                                [key: string]: string;
                              };
                              /** @enum {string} */
                              source: 'api' | 'hosted_page' | 'import' | 'sync';
                              slug: string;
                              referral_link: string;
                              referral_code: string | null;
                              /** @description Set when the referrer was removed: their link and code stopped working */
                              removed_at: string | null;
                              /** @description Leads referred, rejected ones excluded */
                              referrals_count: number;
                              /** @description Leads that qualified */
                              converted_referrals_count: number;
                              clicks_count: number;
                              /** @description ISO 8601, UTC */
                              created_at: string;
                              /** @description ISO 8601, UTC */
                              updated_at: string;
                            };
                          };
                        }
                      | {
                          id: string;
                          /** @enum {string} */
                          object: 'event';
                          /** @enum {string} */
                          type: 'lead.created';
                          /** @description ISO 8601, UTC */
                          created_at: string;
                          data: {
                            campaign_id: string;
                            referrer_id: string;
                            lead_id: string;
                            lead: {
                              id: string;
                              /** @enum {string} */
                              object: 'lead';
                              campaign_id: string;
                              referrer_id: string;
                              email: string;
                              first_name: string | null;
                              last_name: string | null;
                              /** @description Your own key-value pairs (strings) */
                              metadata: {
                                [key: string]: string;
                              };
                              /** @enum {string} */
                              source:
                                | 'api'
                                | 'browser'
                                | 'hosted_page'
                                | 'checkout'
                                | 'promotion_code'
                                | 'offline';
                              /** @enum {string} */
                              status: 'pending' | 'qualified' | 'unqualified' | 'rejected' | 'expired';
                              rejection_reason:
                                | ('self_referral' | 'already_lead' | 'existing_customer' | 'campaign_limit')
                                | null;
                              /** @description ISO 8601, UTC */
                              referred_at: string;
                              /** @description ISO 8601, UTC */
                              created_at: string;
                              /** @description ISO 8601, UTC */
                              updated_at: string;
                              /** @description Present when retrieving one lead */
                              timeline?: {
                                id: string;
                                type: string;
                                /** @description What happened and why, in words */
                                message: string;
                                /** @description The status after this event */
                                status: string;
                                /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                                data: {
                                  [key: string]: string | number | boolean | null;
                                };
                                /** @description ISO 8601, UTC */
                                created_at: string;
                              }[];
                            };
                          };
                        }
                      | {
                          id: string;
                          /** @enum {string} */
                          object: 'event';
                          /** @enum {string} */
                          type: 'lead.rejected';
                          /** @description ISO 8601, UTC */
                          created_at: string;
                          data: {
                            campaign_id: string;
                            referrer_id: string;
                            lead_id: string;
                            lead: {
                              id: string;
                              /** @enum {string} */
                              object: 'lead';
                              campaign_id: string;
                              referrer_id: string;
                              email: string;
                              first_name: string | null;
                              last_name: string | null;
                              /** @description Your own key-value pairs (strings) */
                              metadata: {
                                [key: string]: string;
                              };
                              /** @enum {string} */
                              source:
                                | 'api'
                                | 'browser'
                                | 'hosted_page'
                                | 'checkout'
                                | 'promotion_code'
                                | 'offline';
                              /** @enum {string} */
                              status: 'pending' | 'qualified' | 'unqualified' | 'rejected' | 'expired';
                              rejection_reason:
                                | ('self_referral' | 'already_lead' | 'existing_customer' | 'campaign_limit')
                                | null;
                              /** @description ISO 8601, UTC */
                              referred_at: string;
                              /** @description ISO 8601, UTC */
                              created_at: string;
                              /** @description ISO 8601, UTC */
                              updated_at: string;
                              /** @description Present when retrieving one lead */
                              timeline?: {
                                id: string;
                                type: string;
                                /** @description What happened and why, in words */
                                message: string;
                                /** @description The status after this event */
                                status: string;
                                /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                                data: {
                                  [key: string]: string | number | boolean | null;
                                };
                                /** @description ISO 8601, UTC */
                                created_at: string;
                              }[];
                            };
                          };
                        }
                      | {
                          id: string;
                          /** @enum {string} */
                          object: 'event';
                          /** @enum {string} */
                          type: 'lead.qualified';
                          /** @description ISO 8601, UTC */
                          created_at: string;
                          data: {
                            campaign_id: string;
                            referrer_id: string;
                            lead_id: string;
                            /** @description The friend's net spend after this verdict, in minor units */
                            net_spend: number;
                            /** @description The Stripe object that caused it */
                            stripe_object: string | null;
                            /** @description The Stripe event that caused it */
                            stripe_event: string | null;
                            /** @description What caused it, such as a payment, a refund or the window closing */
                            cause: string;
                          };
                        }
                      | {
                          id: string;
                          /** @enum {string} */
                          object: 'event';
                          /** @enum {string} */
                          type: 'lead.unqualified';
                          /** @description ISO 8601, UTC */
                          created_at: string;
                          data: {
                            campaign_id: string;
                            referrer_id: string;
                            lead_id: string;
                            /** @description The friend's net spend after this verdict, in minor units */
                            net_spend: number;
                            /** @description The Stripe object that caused it */
                            stripe_object: string | null;
                            /** @description The Stripe event that caused it */
                            stripe_event: string | null;
                            /** @description What caused it, such as a payment, a refund or the window closing */
                            cause: string;
                          };
                        }
                      | {
                          id: string;
                          /** @enum {string} */
                          object: 'event';
                          /** @enum {string} */
                          type: 'lead.expired';
                          /** @description ISO 8601, UTC */
                          created_at: string;
                          data: {
                            campaign_id: string;
                            referrer_id: string;
                            lead_id: string;
                            /** @description The friend's net spend after this verdict, in minor units */
                            net_spend: number;
                            /** @description The Stripe object that caused it */
                            stripe_object: string | null;
                            /** @description The Stripe event that caused it */
                            stripe_event: string | null;
                            /** @description What caused it, such as a payment, a refund or the window closing */
                            cause: string;
                          };
                        }
                      | {
                          id: string;
                          /** @enum {string} */
                          object: 'event';
                          /** @enum {string} */
                          type: 'reward.issued';
                          /** @description ISO 8601, UTC */
                          created_at: string;
                          data: {
                            campaign_id: string;
                            referrer_id: string;
                            lead_id: string;
                            reward: {
                              id: string;
                              /** @enum {string} */
                              object: 'reward';
                              campaign_id: string;
                              lead_id: string;
                              referrer_id: string;
                              /** @enum {string} */
                              recipient: 'referrer' | 'friend';
                              /** @enum {string} */
                              kind: 'coupon' | 'balance_credit' | 'promotion_code';
                              /** @description Minor units of currency: the credit given */
                              amount: number | null;
                              currency: string | null;
                              coupon_id: string | null;
                              /**
                               * @description held: until the hold ends; pending_approval: waits for POST .../approve; pending: being issued; reversing: being taken back
                               * @enum {string}
                               */
                              status:
                                | 'held'
                                | 'pending_approval'
                                | 'pending'
                                | 'issued'
                                | 'failed'
                                | 'cancelled'
                                | 'reversing'
                                | 'reversed';
                              cancel_reason:
                                | ('unqualified' | 'per_referrer_cap' | 'budget' | 'by_request')
                                | null;
                              /** @description ISO 8601, UTC */
                              issue_after: string;
                              /** @description The recipient's Stripe customer */
                              customer_id: string | null;
                              /** @description What Stripe made: the balance transaction, the promotion code, or the subscription given the coupon */
                              stripe_object: string | null;
                              /** @description The code text, for a promotion code reward */
                              promotion_code: string | null;
                              reversal_object: string | null;
                              /** @description Set when Stripe could not take an issued reward back: decide what to do */
                              review: string | null;
                              attempts: number;
                              last_error: string | null;
                              issued_at: string | null;
                              cancelled_at: string | null;
                              reversed_at: string | null;
                              /** @description ISO 8601, UTC */
                              created_at: string;
                              /** @description ISO 8601, UTC */
                              updated_at: string;
                            };
                          };
                        }
                      | {
                          id: string;
                          /** @enum {string} */
                          object: 'event';
                          /** @enum {string} */
                          type: 'reward.reversed';
                          /** @description ISO 8601, UTC */
                          created_at: string;
                          data: {
                            campaign_id: string;
                            referrer_id: string;
                            lead_id: string;
                            reward: {
                              id: string;
                              /** @enum {string} */
                              object: 'reward';
                              campaign_id: string;
                              lead_id: string;
                              referrer_id: string;
                              /** @enum {string} */
                              recipient: 'referrer' | 'friend';
                              /** @enum {string} */
                              kind: 'coupon' | 'balance_credit' | 'promotion_code';
                              /** @description Minor units of currency: the credit given */
                              amount: number | null;
                              currency: string | null;
                              coupon_id: string | null;
                              /**
                               * @description held: until the hold ends; pending_approval: waits for POST .../approve; pending: being issued; reversing: being taken back
                               * @enum {string}
                               */
                              status:
                                | 'held'
                                | 'pending_approval'
                                | 'pending'
                                | 'issued'
                                | 'failed'
                                | 'cancelled'
                                | 'reversing'
                                | 'reversed';
                              cancel_reason:
                                | ('unqualified' | 'per_referrer_cap' | 'budget' | 'by_request')
                                | null;
                              /** @description ISO 8601, UTC */
                              issue_after: string;
                              /** @description The recipient's Stripe customer */
                              customer_id: string | null;
                              /** @description What Stripe made: the balance transaction, the promotion code, or the subscription given the coupon */
                              stripe_object: string | null;
                              /** @description The code text, for a promotion code reward */
                              promotion_code: string | null;
                              reversal_object: string | null;
                              /** @description Set when Stripe could not take an issued reward back: decide what to do */
                              review: string | null;
                              attempts: number;
                              last_error: string | null;
                              issued_at: string | null;
                              cancelled_at: string | null;
                              reversed_at: string | null;
                              /** @description ISO 8601, UTC */
                              created_at: string;
                              /** @description ISO 8601, UTC */
                              updated_at: string;
                            };
                          };
                        }
                      | {
                          id: string;
                          /** @enum {string} */
                          object: 'event';
                          /** @enum {string} */
                          type: 'sync.completed';
                          /** @description ISO 8601, UTC */
                          created_at: string;
                          data: {
                            campaign_id: string;
                            sync_id: string;
                            /**
                             * @description The sync status after this pass
                             * @enum {string}
                             */
                            status: 'running' | 'live' | 'completed' | 'stopped' | 'cancelled' | 'failed';
                            /** @enum {string} */
                            kind: 'one_time' | 'ongoing';
                            dry_run: boolean;
                            stop_reason: string | null;
                            customers_seen: number;
                            referrers_created: number;
                            already_referrers: number;
                          };
                        }
                      | {
                          id: string;
                          /** @enum {string} */
                          object: 'event';
                          /** @enum {string} */
                          type: 'ping';
                          /** @description ISO 8601, UTC */
                          created_at: string;
                          data: {
                            endpoint_id: string;
                          };
                        }
                    )
                  | {
                      id: string;
                      /** @enum {string} */
                      object: 'event';
                      type: string;
                      created_at: string;
                      /** @description null: this body has an earlier shape; `as_sent` holds it */
                      data: null;
                      /** @description The body as it was sent, as JSON text */
                      as_sent: string;
                    };
                /** @description Every attempt, oldest first (not in lists) */
                attempts?: {
                  /** @enum {string} */
                  object: 'webhook_attempt';
                  /** @enum {string} */
                  trigger: 'automatic' | 'replay' | 'test';
                  /** @description ISO 8601, UTC */
                  attempted_at: string;
                  /** @description The endpoint's HTTP status; null when it did not answer */
                  status_code: number | null;
                  error: string | null;
                  duration_ms: number;
                }[];
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook_deliveries/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A webhook delivery with every attempt */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'webhook_delivery';
              endpoint_id: string;
              event_id: string;
              /** @description An event type from event_types, or ping */
              event_type: string;
              /**
               * @description pending: waiting for its next attempt; failed: every automatic attempt failed
               * @enum {string}
               */
              status: 'pending' | 'succeeded' | 'failed';
              attempt_count: number;
              next_attempt_at: string | null;
              last_status_code: number | null;
              last_error: string | null;
              /** @description When an attempt last succeeded */
              delivered_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description The body every attempt sends */
              event:
                | (
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'referrer.created';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          referrer: {
                            id: string;
                            /** @enum {string} */
                            object: 'referrer';
                            campaign_id: string;
                            email: string;
                            first_name: string;
                            last_name: string | null;
                            /** @description Your own key-value pairs (strings) */
                            metadata: {
                              [key: string]: string;
                            };
                            /** @enum {string} */
                            source: 'api' | 'hosted_page' | 'import' | 'sync';
                            slug: string;
                            referral_link: string;
                            referral_code: string | null;
                            /** @description Set when the referrer was removed: their link and code stopped working */
                            removed_at: string | null;
                            /** @description Leads referred, rejected ones excluded */
                            referrals_count: number;
                            /** @description Leads that qualified */
                            converted_referrals_count: number;
                            clicks_count: number;
                            /** @description ISO 8601, UTC */
                            created_at: string;
                            /** @description ISO 8601, UTC */
                            updated_at: string;
                          };
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'lead.created';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          lead: {
                            id: string;
                            /** @enum {string} */
                            object: 'lead';
                            campaign_id: string;
                            referrer_id: string;
                            email: string;
                            first_name: string | null;
                            last_name: string | null;
                            /** @description Your own key-value pairs (strings) */
                            metadata: {
                              [key: string]: string;
                            };
                            /** @enum {string} */
                            source:
                              | 'api'
                              | 'browser'
                              | 'hosted_page'
                              | 'checkout'
                              | 'promotion_code'
                              | 'offline';
                            /** @enum {string} */
                            status: 'pending' | 'qualified' | 'unqualified' | 'rejected' | 'expired';
                            rejection_reason:
                              | ('self_referral' | 'already_lead' | 'existing_customer' | 'campaign_limit')
                              | null;
                            /** @description ISO 8601, UTC */
                            referred_at: string;
                            /** @description ISO 8601, UTC */
                            created_at: string;
                            /** @description ISO 8601, UTC */
                            updated_at: string;
                            /** @description Present when retrieving one lead */
                            timeline?: {
                              id: string;
                              type: string;
                              /** @description What happened and why, in words */
                              message: string;
                              /** @description The status after this event */
                              status: string;
                              /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                              data: {
                                [key: string]: string | number | boolean | null;
                              };
                              /** @description ISO 8601, UTC */
                              created_at: string;
                            }[];
                          };
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'lead.rejected';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          lead: {
                            id: string;
                            /** @enum {string} */
                            object: 'lead';
                            campaign_id: string;
                            referrer_id: string;
                            email: string;
                            first_name: string | null;
                            last_name: string | null;
                            /** @description Your own key-value pairs (strings) */
                            metadata: {
                              [key: string]: string;
                            };
                            /** @enum {string} */
                            source:
                              | 'api'
                              | 'browser'
                              | 'hosted_page'
                              | 'checkout'
                              | 'promotion_code'
                              | 'offline';
                            /** @enum {string} */
                            status: 'pending' | 'qualified' | 'unqualified' | 'rejected' | 'expired';
                            rejection_reason:
                              | ('self_referral' | 'already_lead' | 'existing_customer' | 'campaign_limit')
                              | null;
                            /** @description ISO 8601, UTC */
                            referred_at: string;
                            /** @description ISO 8601, UTC */
                            created_at: string;
                            /** @description ISO 8601, UTC */
                            updated_at: string;
                            /** @description Present when retrieving one lead */
                            timeline?: {
                              id: string;
                              type: string;
                              /** @description What happened and why, in words */
                              message: string;
                              /** @description The status after this event */
                              status: string;
                              /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                              data: {
                                [key: string]: string | number | boolean | null;
                              };
                              /** @description ISO 8601, UTC */
                              created_at: string;
                            }[];
                          };
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'lead.qualified';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          /** @description The friend's net spend after this verdict, in minor units */
                          net_spend: number;
                          /** @description The Stripe object that caused it */
                          stripe_object: string | null;
                          /** @description The Stripe event that caused it */
                          stripe_event: string | null;
                          /** @description What caused it, such as a payment, a refund or the window closing */
                          cause: string;
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'lead.unqualified';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          /** @description The friend's net spend after this verdict, in minor units */
                          net_spend: number;
                          /** @description The Stripe object that caused it */
                          stripe_object: string | null;
                          /** @description The Stripe event that caused it */
                          stripe_event: string | null;
                          /** @description What caused it, such as a payment, a refund or the window closing */
                          cause: string;
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'lead.expired';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          /** @description The friend's net spend after this verdict, in minor units */
                          net_spend: number;
                          /** @description The Stripe object that caused it */
                          stripe_object: string | null;
                          /** @description The Stripe event that caused it */
                          stripe_event: string | null;
                          /** @description What caused it, such as a payment, a refund or the window closing */
                          cause: string;
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'reward.issued';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          reward: {
                            id: string;
                            /** @enum {string} */
                            object: 'reward';
                            campaign_id: string;
                            lead_id: string;
                            referrer_id: string;
                            /** @enum {string} */
                            recipient: 'referrer' | 'friend';
                            /** @enum {string} */
                            kind: 'coupon' | 'balance_credit' | 'promotion_code';
                            /** @description Minor units of currency: the credit given */
                            amount: number | null;
                            currency: string | null;
                            coupon_id: string | null;
                            /**
                             * @description held: until the hold ends; pending_approval: waits for POST .../approve; pending: being issued; reversing: being taken back
                             * @enum {string}
                             */
                            status:
                              | 'held'
                              | 'pending_approval'
                              | 'pending'
                              | 'issued'
                              | 'failed'
                              | 'cancelled'
                              | 'reversing'
                              | 'reversed';
                            cancel_reason:
                              | ('unqualified' | 'per_referrer_cap' | 'budget' | 'by_request')
                              | null;
                            /** @description ISO 8601, UTC */
                            issue_after: string;
                            /** @description The recipient's Stripe customer */
                            customer_id: string | null;
                            /** @description What Stripe made: the balance transaction, the promotion code, or the subscription given the coupon */
                            stripe_object: string | null;
                            /** @description The code text, for a promotion code reward */
                            promotion_code: string | null;
                            reversal_object: string | null;
                            /** @description Set when Stripe could not take an issued reward back: decide what to do */
                            review: string | null;
                            attempts: number;
                            last_error: string | null;
                            issued_at: string | null;
                            cancelled_at: string | null;
                            reversed_at: string | null;
                            /** @description ISO 8601, UTC */
                            created_at: string;
                            /** @description ISO 8601, UTC */
                            updated_at: string;
                          };
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'reward.reversed';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          reward: {
                            id: string;
                            /** @enum {string} */
                            object: 'reward';
                            campaign_id: string;
                            lead_id: string;
                            referrer_id: string;
                            /** @enum {string} */
                            recipient: 'referrer' | 'friend';
                            /** @enum {string} */
                            kind: 'coupon' | 'balance_credit' | 'promotion_code';
                            /** @description Minor units of currency: the credit given */
                            amount: number | null;
                            currency: string | null;
                            coupon_id: string | null;
                            /**
                             * @description held: until the hold ends; pending_approval: waits for POST .../approve; pending: being issued; reversing: being taken back
                             * @enum {string}
                             */
                            status:
                              | 'held'
                              | 'pending_approval'
                              | 'pending'
                              | 'issued'
                              | 'failed'
                              | 'cancelled'
                              | 'reversing'
                              | 'reversed';
                            cancel_reason:
                              | ('unqualified' | 'per_referrer_cap' | 'budget' | 'by_request')
                              | null;
                            /** @description ISO 8601, UTC */
                            issue_after: string;
                            /** @description The recipient's Stripe customer */
                            customer_id: string | null;
                            /** @description What Stripe made: the balance transaction, the promotion code, or the subscription given the coupon */
                            stripe_object: string | null;
                            /** @description The code text, for a promotion code reward */
                            promotion_code: string | null;
                            reversal_object: string | null;
                            /** @description Set when Stripe could not take an issued reward back: decide what to do */
                            review: string | null;
                            attempts: number;
                            last_error: string | null;
                            issued_at: string | null;
                            cancelled_at: string | null;
                            reversed_at: string | null;
                            /** @description ISO 8601, UTC */
                            created_at: string;
                            /** @description ISO 8601, UTC */
                            updated_at: string;
                          };
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'sync.completed';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          sync_id: string;
                          /**
                           * @description The sync status after this pass
                           * @enum {string}
                           */
                          status: 'running' | 'live' | 'completed' | 'stopped' | 'cancelled' | 'failed';
                          /** @enum {string} */
                          kind: 'one_time' | 'ongoing';
                          dry_run: boolean;
                          stop_reason: string | null;
                          customers_seen: number;
                          referrers_created: number;
                          already_referrers: number;
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'ping';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          endpoint_id: string;
                        };
                      }
                  )
                | {
                    id: string;
                    /** @enum {string} */
                    object: 'event';
                    type: string;
                    created_at: string;
                    /** @description null: this body has an earlier shape; `as_sent` holds it */
                    data: null;
                    /** @description The body as it was sent, as JSON text */
                    as_sent: string;
                  };
              /** @description Every attempt, oldest first (not in lists) */
              attempts?: {
                /** @enum {string} */
                object: 'webhook_attempt';
                /** @enum {string} */
                trigger: 'automatic' | 'replay' | 'test';
                /** @description ISO 8601, UTC */
                attempted_at: string;
                /** @description The endpoint's HTTP status; null when it did not answer */
                status_code: number | null;
                error: string | null;
                duration_ms: number;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook_deliveries/{id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a delivery again now, whatever its status; answers it with the new attempt in its log */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              object: 'webhook_delivery';
              endpoint_id: string;
              event_id: string;
              /** @description An event type from event_types, or ping */
              event_type: string;
              /**
               * @description pending: waiting for its next attempt; failed: every automatic attempt failed
               * @enum {string}
               */
              status: 'pending' | 'succeeded' | 'failed';
              attempt_count: number;
              next_attempt_at: string | null;
              last_status_code: number | null;
              last_error: string | null;
              /** @description When an attempt last succeeded */
              delivered_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description The body every attempt sends */
              event:
                | (
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'referrer.created';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          referrer: {
                            id: string;
                            /** @enum {string} */
                            object: 'referrer';
                            campaign_id: string;
                            email: string;
                            first_name: string;
                            last_name: string | null;
                            /** @description Your own key-value pairs (strings) */
                            metadata: {
                              [key: string]: string;
                            };
                            /** @enum {string} */
                            source: 'api' | 'hosted_page' | 'import' | 'sync';
                            slug: string;
                            referral_link: string;
                            referral_code: string | null;
                            /** @description Set when the referrer was removed: their link and code stopped working */
                            removed_at: string | null;
                            /** @description Leads referred, rejected ones excluded */
                            referrals_count: number;
                            /** @description Leads that qualified */
                            converted_referrals_count: number;
                            clicks_count: number;
                            /** @description ISO 8601, UTC */
                            created_at: string;
                            /** @description ISO 8601, UTC */
                            updated_at: string;
                          };
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'lead.created';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          lead: {
                            id: string;
                            /** @enum {string} */
                            object: 'lead';
                            campaign_id: string;
                            referrer_id: string;
                            email: string;
                            first_name: string | null;
                            last_name: string | null;
                            /** @description Your own key-value pairs (strings) */
                            metadata: {
                              [key: string]: string;
                            };
                            /** @enum {string} */
                            source:
                              | 'api'
                              | 'browser'
                              | 'hosted_page'
                              | 'checkout'
                              | 'promotion_code'
                              | 'offline';
                            /** @enum {string} */
                            status: 'pending' | 'qualified' | 'unqualified' | 'rejected' | 'expired';
                            rejection_reason:
                              | ('self_referral' | 'already_lead' | 'existing_customer' | 'campaign_limit')
                              | null;
                            /** @description ISO 8601, UTC */
                            referred_at: string;
                            /** @description ISO 8601, UTC */
                            created_at: string;
                            /** @description ISO 8601, UTC */
                            updated_at: string;
                            /** @description Present when retrieving one lead */
                            timeline?: {
                              id: string;
                              type: string;
                              /** @description What happened and why, in words */
                              message: string;
                              /** @description The status after this event */
                              status: string;
                              /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                              data: {
                                [key: string]: string | number | boolean | null;
                              };
                              /** @description ISO 8601, UTC */
                              created_at: string;
                            }[];
                          };
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'lead.rejected';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          lead: {
                            id: string;
                            /** @enum {string} */
                            object: 'lead';
                            campaign_id: string;
                            referrer_id: string;
                            email: string;
                            first_name: string | null;
                            last_name: string | null;
                            /** @description Your own key-value pairs (strings) */
                            metadata: {
                              [key: string]: string;
                            };
                            /** @enum {string} */
                            source:
                              | 'api'
                              | 'browser'
                              | 'hosted_page'
                              | 'checkout'
                              | 'promotion_code'
                              | 'offline';
                            /** @enum {string} */
                            status: 'pending' | 'qualified' | 'unqualified' | 'rejected' | 'expired';
                            rejection_reason:
                              | ('self_referral' | 'already_lead' | 'existing_customer' | 'campaign_limit')
                              | null;
                            /** @description ISO 8601, UTC */
                            referred_at: string;
                            /** @description ISO 8601, UTC */
                            created_at: string;
                            /** @description ISO 8601, UTC */
                            updated_at: string;
                            /** @description Present when retrieving one lead */
                            timeline?: {
                              id: string;
                              type: string;
                              /** @description What happened and why, in words */
                              message: string;
                              /** @description The status after this event */
                              status: string;
                              /** @description Details of what happened: Stripe object and event ids, amounts, reasons */
                              data: {
                                [key: string]: string | number | boolean | null;
                              };
                              /** @description ISO 8601, UTC */
                              created_at: string;
                            }[];
                          };
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'lead.qualified';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          /** @description The friend's net spend after this verdict, in minor units */
                          net_spend: number;
                          /** @description The Stripe object that caused it */
                          stripe_object: string | null;
                          /** @description The Stripe event that caused it */
                          stripe_event: string | null;
                          /** @description What caused it, such as a payment, a refund or the window closing */
                          cause: string;
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'lead.unqualified';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          /** @description The friend's net spend after this verdict, in minor units */
                          net_spend: number;
                          /** @description The Stripe object that caused it */
                          stripe_object: string | null;
                          /** @description The Stripe event that caused it */
                          stripe_event: string | null;
                          /** @description What caused it, such as a payment, a refund or the window closing */
                          cause: string;
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'lead.expired';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          /** @description The friend's net spend after this verdict, in minor units */
                          net_spend: number;
                          /** @description The Stripe object that caused it */
                          stripe_object: string | null;
                          /** @description The Stripe event that caused it */
                          stripe_event: string | null;
                          /** @description What caused it, such as a payment, a refund or the window closing */
                          cause: string;
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'reward.issued';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          reward: {
                            id: string;
                            /** @enum {string} */
                            object: 'reward';
                            campaign_id: string;
                            lead_id: string;
                            referrer_id: string;
                            /** @enum {string} */
                            recipient: 'referrer' | 'friend';
                            /** @enum {string} */
                            kind: 'coupon' | 'balance_credit' | 'promotion_code';
                            /** @description Minor units of currency: the credit given */
                            amount: number | null;
                            currency: string | null;
                            coupon_id: string | null;
                            /**
                             * @description held: until the hold ends; pending_approval: waits for POST .../approve; pending: being issued; reversing: being taken back
                             * @enum {string}
                             */
                            status:
                              | 'held'
                              | 'pending_approval'
                              | 'pending'
                              | 'issued'
                              | 'failed'
                              | 'cancelled'
                              | 'reversing'
                              | 'reversed';
                            cancel_reason:
                              | ('unqualified' | 'per_referrer_cap' | 'budget' | 'by_request')
                              | null;
                            /** @description ISO 8601, UTC */
                            issue_after: string;
                            /** @description The recipient's Stripe customer */
                            customer_id: string | null;
                            /** @description What Stripe made: the balance transaction, the promotion code, or the subscription given the coupon */
                            stripe_object: string | null;
                            /** @description The code text, for a promotion code reward */
                            promotion_code: string | null;
                            reversal_object: string | null;
                            /** @description Set when Stripe could not take an issued reward back: decide what to do */
                            review: string | null;
                            attempts: number;
                            last_error: string | null;
                            issued_at: string | null;
                            cancelled_at: string | null;
                            reversed_at: string | null;
                            /** @description ISO 8601, UTC */
                            created_at: string;
                            /** @description ISO 8601, UTC */
                            updated_at: string;
                          };
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'reward.reversed';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          referrer_id: string;
                          lead_id: string;
                          reward: {
                            id: string;
                            /** @enum {string} */
                            object: 'reward';
                            campaign_id: string;
                            lead_id: string;
                            referrer_id: string;
                            /** @enum {string} */
                            recipient: 'referrer' | 'friend';
                            /** @enum {string} */
                            kind: 'coupon' | 'balance_credit' | 'promotion_code';
                            /** @description Minor units of currency: the credit given */
                            amount: number | null;
                            currency: string | null;
                            coupon_id: string | null;
                            /**
                             * @description held: until the hold ends; pending_approval: waits for POST .../approve; pending: being issued; reversing: being taken back
                             * @enum {string}
                             */
                            status:
                              | 'held'
                              | 'pending_approval'
                              | 'pending'
                              | 'issued'
                              | 'failed'
                              | 'cancelled'
                              | 'reversing'
                              | 'reversed';
                            cancel_reason:
                              | ('unqualified' | 'per_referrer_cap' | 'budget' | 'by_request')
                              | null;
                            /** @description ISO 8601, UTC */
                            issue_after: string;
                            /** @description The recipient's Stripe customer */
                            customer_id: string | null;
                            /** @description What Stripe made: the balance transaction, the promotion code, or the subscription given the coupon */
                            stripe_object: string | null;
                            /** @description The code text, for a promotion code reward */
                            promotion_code: string | null;
                            reversal_object: string | null;
                            /** @description Set when Stripe could not take an issued reward back: decide what to do */
                            review: string | null;
                            attempts: number;
                            last_error: string | null;
                            issued_at: string | null;
                            cancelled_at: string | null;
                            reversed_at: string | null;
                            /** @description ISO 8601, UTC */
                            created_at: string;
                            /** @description ISO 8601, UTC */
                            updated_at: string;
                          };
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'sync.completed';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          campaign_id: string;
                          sync_id: string;
                          /**
                           * @description The sync status after this pass
                           * @enum {string}
                           */
                          status: 'running' | 'live' | 'completed' | 'stopped' | 'cancelled' | 'failed';
                          /** @enum {string} */
                          kind: 'one_time' | 'ongoing';
                          dry_run: boolean;
                          stop_reason: string | null;
                          customers_seen: number;
                          referrers_created: number;
                          already_referrers: number;
                        };
                      }
                    | {
                        id: string;
                        /** @enum {string} */
                        object: 'event';
                        /** @enum {string} */
                        type: 'ping';
                        /** @description ISO 8601, UTC */
                        created_at: string;
                        data: {
                          endpoint_id: string;
                        };
                      }
                  )
                | {
                    id: string;
                    /** @enum {string} */
                    object: 'event';
                    type: string;
                    created_at: string;
                    /** @description null: this body has an earlier shape; `as_sent` holds it */
                    data: null;
                    /** @description The body as it was sent, as JSON text */
                    as_sent: string;
                  };
              /** @description Every attempt, oldest first (not in lists) */
              attempts?: {
                /** @enum {string} */
                object: 'webhook_attempt';
                /** @enum {string} */
                trigger: 'automatic' | 'replay' | 'test';
                /** @description ISO 8601, UTC */
                attempted_at: string;
                /** @description The endpoint's HTTP status; null when it did not answer */
                status_code: number | null;
                error: string | null;
                duration_ms: number;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request conflicts with the current state: `webhook_delivery_in_progress`. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/email_templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A campaign's mail templates, one per kind (its own or the shipped default) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                /** @enum {string} */
                object: 'email_template';
                campaign_id: string;
                /** @enum {string} */
                kind: 'sign_in' | 'welcome' | 'friend_qualified' | 'reward_issued' | 'reward_reversed';
                /** @description Whether the event sends this mail (the sign-in link is sent when asked for) */
                enabled: boolean;
                subject: string;
                html: string;
                text: string;
                /** @description false: the shipped default */
                customized: boolean;
                updated_at: string | null;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/email_templates/{kind}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of a campaign's mail templates */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          kind: 'sign_in' | 'welcome' | 'friend_qualified' | 'reward_issued' | 'reward_reversed';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'email_template';
              campaign_id: string;
              /** @enum {string} */
              kind: 'sign_in' | 'welcome' | 'friend_qualified' | 'reward_issued' | 'reward_reversed';
              /** @description Whether the event sends this mail (the sign-in link is sent when asked for) */
              enabled: boolean;
              subject: string;
              html: string;
              text: string;
              /** @description false: the shipped default */
              customized: boolean;
              updated_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Change a mail template: turn it on or off, or change its words (unknown variables are refused) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          kind: 'sign_in' | 'welcome' | 'friend_qualified' | 'reward_issued' | 'reward_reversed';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            enabled?: boolean;
            /** @description The subject line; variables are filled in as text */
            subject?: string;
            /** @description The HTML part; variables are filled in HTML-escaped */
            html?: string;
            /** @description The plain-text part */
            text?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'email_template';
              campaign_id: string;
              /** @enum {string} */
              kind: 'sign_in' | 'welcome' | 'friend_qualified' | 'reward_issued' | 'reward_reversed';
              /** @description Whether the event sends this mail (the sign-in link is sent when asked for) */
              enabled: boolean;
              subject: string;
              html: string;
              text: string;
              /** @description false: the shipped default */
              customized: boolean;
              updated_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Put a mail template back to the shipped default */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          kind: 'sign_in' | 'welcome' | 'friend_qualified' | 'reward_issued' | 'reward_reversed';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'email_template';
              campaign_id: string;
              /** @enum {string} */
              kind: 'sign_in' | 'welcome' | 'friend_qualified' | 'reward_issued' | 'reward_reversed';
              /** @description Whether the event sends this mail (the sign-in link is sent when asked for) */
              enabled: boolean;
              subject: string;
              html: string;
              text: string;
              /** @description false: the shipped default */
              customized: boolean;
              updated_at: string | null;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/email_templates/{kind}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Render a template (the stored one, or the words given) with sample data or a referrer's */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          kind: 'sign_in' | 'welcome' | 'friend_qualified' | 'reward_issued' | 'reward_reversed';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The subject line; variables are filled in as text */
            subject?: string;
            /** @description The HTML part; variables are filled in HTML-escaped */
            html?: string;
            /** @description The plain-text part */
            text?: string;
            /** @description Fill in this referrer's data (a reward or sign-in link still from the samples); default: samples */
            referrer_id?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'email_preview';
              subject: string;
              /** @description Render it in a sandboxed frame: it is the mail as sent */
              html: string;
              text: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/email_sends/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Render a once-off mail with sample data or a referrer's, before sending it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The subject line; variables are filled in as text */
            subject: string;
            /** @description The HTML part; variables are filled in HTML-escaped */
            html: string;
            /** @description The plain-text part */
            text: string;
            referrer_id?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'email_preview';
              subject: string;
              /** @description Render it in a sandboxed frame: it is the mail as sent */
              html: string;
              text: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/campaigns/{id}/email_sends': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A campaign's once-off sends, newest first */
    get: {
      parameters: {
        query?: {
          /** @description How many objects to return, 1 to 100 (default 10). */
          limit?: number;
          /** @description Cursor: the id of the last object on the previous page. */
          starting_after?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                /** @enum {string} */
                object: 'email_send';
                id: string;
                campaign_id: string;
                subject: string;
                html: string;
                text: string;
                /** @description Who gets it; the filter is the referrers list's */
                audience:
                  | {
                      /**
                       * @description Every referrer of the campaign (not removed)
                       * @enum {string}
                       */
                      type: 'all';
                    }
                  | {
                      /** @enum {string} */
                      type: 'sync';
                      /** @description The referrers this sync created */
                      sync_id: string;
                    }
                  | {
                      /** @enum {string} */
                      type: 'filter';
                      /** @description Part of the email, name or code */
                      search?: string;
                      /** @enum {string} */
                      source?: 'api' | 'hosted_page' | 'import' | 'sync';
                      has_referral_code?: boolean;
                    };
                rate_per_minute: number;
                /** @description Referrers it goes to, each once */
                recipient_count: number;
                /** @description Recipients by the status of their mail */
                counts: {
                  pending: number;
                  sent: number;
                  mailbox: number;
                  suppressed: number;
                  failed: number;
                };
                /** @description ISO 8601, UTC */
                created_at: string;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Send a once-off mail to chosen referrers, each at most once, at a rate */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The subject line; variables are filled in as text */
            subject: string;
            /** @description The HTML part; variables are filled in HTML-escaped */
            html: string;
            /** @description The plain-text part */
            text: string;
            /** @description Who gets it; the filter is the referrers list's */
            audience:
              | {
                  /**
                   * @description Every referrer of the campaign (not removed)
                   * @enum {string}
                   */
                  type: 'all';
                }
              | {
                  /** @enum {string} */
                  type: 'sync';
                  /** @description The referrers this sync created */
                  sync_id: string;
                }
              | {
                  /** @enum {string} */
                  type: 'filter';
                  /** @description Part of the email, name or code */
                  search?: string;
                  /** @enum {string} */
                  source?: 'api' | 'hosted_page' | 'import' | 'sync';
                  has_referral_code?: boolean;
                };
            /**
             * @description Mails per minute (default 60)
             * @default 60
             */
            rate_per_minute?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'email_send';
              id: string;
              campaign_id: string;
              subject: string;
              html: string;
              text: string;
              /** @description Who gets it; the filter is the referrers list's */
              audience:
                | {
                    /**
                     * @description Every referrer of the campaign (not removed)
                     * @enum {string}
                     */
                    type: 'all';
                  }
                | {
                    /** @enum {string} */
                    type: 'sync';
                    /** @description The referrers this sync created */
                    sync_id: string;
                  }
                | {
                    /** @enum {string} */
                    type: 'filter';
                    /** @description Part of the email, name or code */
                    search?: string;
                    /** @enum {string} */
                    source?: 'api' | 'hosted_page' | 'import' | 'sync';
                    has_referral_code?: boolean;
                  };
              rate_per_minute: number;
              /** @description Referrers it goes to, each once */
              recipient_count: number;
              /** @description Recipients by the status of their mail */
              counts: {
                pending: number;
                sent: number;
                mailbox: number;
                suppressed: number;
                failed: number;
              };
              /** @description ISO 8601, UTC */
              created_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/email_sends/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A once-off send and its progress (recipients by status); its mails: GET /v1/emails?send_id= */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'email_send';
              id: string;
              campaign_id: string;
              subject: string;
              html: string;
              text: string;
              /** @description Who gets it; the filter is the referrers list's */
              audience:
                | {
                    /**
                     * @description Every referrer of the campaign (not removed)
                     * @enum {string}
                     */
                    type: 'all';
                  }
                | {
                    /** @enum {string} */
                    type: 'sync';
                    /** @description The referrers this sync created */
                    sync_id: string;
                  }
                | {
                    /** @enum {string} */
                    type: 'filter';
                    /** @description Part of the email, name or code */
                    search?: string;
                    /** @enum {string} */
                    source?: 'api' | 'hosted_page' | 'import' | 'sync';
                    has_referral_code?: boolean;
                  };
              rate_per_minute: number;
              /** @description Referrers it goes to, each once */
              recipient_count: number;
              /** @description Recipients by the status of their mail */
              counts: {
                pending: number;
                sent: number;
                mailbox: number;
                suppressed: number;
                failed: number;
              };
              /** @description ISO 8601, UTC */
              created_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/emails': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every mail, newest first: the outbox log and, without SMTP, the local mailbox */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description Cursor: the id of the last mail on the previous page */
          starting_after?: string;
          campaign_id?: string;
          /** @description A once-off send's mails: its per-recipient results */
          send_id?: string;
          status?: 'pending' | 'sent' | 'mailbox' | 'suppressed' | 'failed';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                /** @enum {string} */
                object: 'email';
                id: string;
                campaign_id: string | null;
                referrer_id: string | null;
                send_id: string | null;
                /** @enum {string} */
                kind:
                  | 'sign_in'
                  | 'welcome'
                  | 'friend_qualified'
                  | 'reward_issued'
                  | 'reward_reversed'
                  | 'once_off';
                to: string;
                /**
                 * @description pending: to send (again); sent: the SMTP server accepted it; mailbox: kept in the local mailbox; suppressed: not sent, the address is suppressed; failed: every attempt failed
                 * @enum {string}
                 */
                status: 'pending' | 'sent' | 'mailbox' | 'suppressed' | 'failed';
                attempt_count: number;
                next_attempt_at: string | null;
                /** @description As rendered at the last attempt */
                subject: string | null;
                last_error: string | null;
                sent_at: string | null;
                /** @description ISO 8601, UTC */
                created_at: string;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/emails/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One mail: what it said and every attempt with the SMTP reply */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'email';
              id: string;
              campaign_id: string | null;
              referrer_id: string | null;
              send_id: string | null;
              /** @enum {string} */
              kind:
                | 'sign_in'
                | 'welcome'
                | 'friend_qualified'
                | 'reward_issued'
                | 'reward_reversed'
                | 'once_off';
              to: string;
              /**
               * @description pending: to send (again); sent: the SMTP server accepted it; mailbox: kept in the local mailbox; suppressed: not sent, the address is suppressed; failed: every attempt failed
               * @enum {string}
               */
              status: 'pending' | 'sent' | 'mailbox' | 'suppressed' | 'failed';
              attempt_count: number;
              next_attempt_at: string | null;
              /** @description As rendered at the last attempt */
              subject: string | null;
              last_error: string | null;
              sent_at: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
              /** @description The HTML as sent; show it only in a sandboxed frame */
              html: string | null;
              text: string | null;
              attempts: {
                /** @enum {string} */
                object: 'email_attempt';
                /** @description ISO 8601, UTC */
                attempted_at: string;
                /** @enum {string} */
                outcome: 'sent' | 'mailbox' | 'suppressed' | 'temporary_failure' | 'permanent_failure';
                /** @description The SMTP server's reply */
                smtp_response: string | null;
                error: string | null;
                duration_ms: number;
              }[];
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/email_suppressions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Addresses never mailed (unsubscribed, added by hand, refused), by address */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description Cursor: the last address of the previous page */
          starting_after?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'list';
              data: {
                /** @enum {string} */
                object: 'email_suppression';
                email: string;
                /** @enum {string} */
                reason: 'unsubscribed' | 'manual' | 'bounced';
                /** @description The campaign whose mail was unsubscribed from */
                campaign_id: string | null;
                /** @description ISO 8601, UTC */
                created_at: string;
              }[];
              has_more: boolean;
              url: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Stop mailing an address */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'email_suppression';
              email: string;
              /** @enum {string} */
              reason: 'unsubscribed' | 'manual' | 'bounced';
              /** @description The campaign whose mail was unsubscribed from */
              campaign_id: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `parameter_missing`, `invalid_json`, `invalid_content_length`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request is too large: `body_too_large`. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The Content-Type is not accepted: `unsupported_media_type`. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/email_suppressions/{email}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Mail an address again (only when the person asked for it) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          email: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              object: 'email_suppression';
              email: string;
              /** @enum {string} */
              reason: 'unsubscribed' | 'manual' | 'bounced';
              /** @description The campaign whose mail was unsubscribed from */
              campaign_id: string | null;
              /** @description ISO 8601, UTC */
              created_at: string;
            };
          };
        };
        /** @description The request is invalid; `param` names the parameter at fault: `parameter_invalid`, `parameter_unknown`, `body_not_allowed`. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No valid API key or session was sent: `api_key_missing`, `api_key_invalid`, `session_expired`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The key or the caller may not do this: `secret_key_required`, `csrf_token_invalid`, `role_forbidden`. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such object: `resource_missing`. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests; retry after Retry-After seconds: `rate_limited`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Something failed on the server: `internal_error`. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Unavailable for now; retry shortly: `database_unavailable`, `shutting_down`. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Error: {
      error: {
        /** @enum {string} */
        type:
          | 'invalid_request_error'
          | 'authentication_error'
          | 'permission_error'
          | 'rate_limit_error'
          | 'api_error';
        code: string;
        message: string;
        param?: string;
        request_id: string;
      };
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
