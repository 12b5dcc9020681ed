// Every route is declared once, with what the OpenAPI document and the authorization
// matrix test need to know about it. Registering through this table is the only way a
// handler reaches express, so a route cannot exist without its description.
import type { Request, RequestHandler, Response, NextFunction, Router } from 'express';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may reach a route at all; finer checks are `can()` inside the handler. */
export type Audience = 'public' | 'user' | 'secretariat' | 'review';

export interface RouteSpec {
  method: Method;
  path: string;
  summary: string;
  kind: 'api' | 'page';
  audience: Audience;
  /** Name of a schema in schemas/api/ (without .json) for the JSON request body. */
  requestBody?: string;
  /** Status → schema name in schemas/api/, or a media type for non-JSON responses. */
  responses?: Record<number, { schema?: string; mediaType?: string; description: string }>;
  /** For the matrix: whether the route changes state (needs CSRF on pages). */
  writes?: boolean;
}

export class RouteTable {
  readonly specs: RouteSpec[] = [];

  add(router: Router, spec: RouteSpec, ...handlers: RequestHandler[]): void {
    this.specs.push(spec);
    router[spec.method](spec.path, ...handlers);
  }
}

/** Express 5 forwards rejected promises itself; this only narrows the handler type. */
export type Handler = (req: Request, res: Response, next: NextFunction) => unknown;
