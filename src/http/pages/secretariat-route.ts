// The secretariat's pages share one way of registering: signed-in secretariat only, CSRF
// on writes.
import type { Router } from 'express';
import { csrfProtection, requireSecretariat } from '../guards.js';
import type { RouteSpec, RouteTable } from '../route-table.js';

export type SecretariatRoute = (spec: Omit<RouteSpec, 'kind' | 'audience'>, handler: Parameters<RouteTable['add']>[2]) => void;

export function secretariatRoute(router: Router, table: RouteTable): SecretariatRoute {
  return (spec, handler) => table.add(router, { ...spec, kind: 'page', audience: 'secretariat' }, requireSecretariat, ...(spec.writes ? [csrfProtection] : []), handler);
}
