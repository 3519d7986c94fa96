/** A refusal of the SS 12000 interface, answered with the standard's Error body `{code, message}`. */
export class Ss12000Error extends Error {
  constructor(readonly statusCode: number, readonly code: string, message: string, readonly headers?: Record<string, string>) {
    super(message);
  }
}

export const ssBadRequest = (message: string, code = 'invalid_request') => new Ss12000Error(400, code, message);
export const ssUnauthorized = (message = 'A valid bearer token is required (POST /ss12000/oauth/token)') =>
  new Ss12000Error(401, 'unauthorized', message, { 'www-authenticate': 'Bearer realm="ss12000"' });
export const ssForbidden = (message = 'The client is not allowed this resource') => new Ss12000Error(403, 'forbidden', message);
export const ssNotFound = (message = 'Not found') => new Ss12000Error(404, 'not_found', message);
