/**
 * Bodies that are wrong before any schema sees them: broken or hostile JSON, other content types,
 * oversized or deeply nested documents, invalid UTF-8. `parsedBody` says what the route's schema
 * would see if the body parser lets the body through, so the test can tell a body that must be
 * refused from one that is merely odd.
 */
export interface TRawBody {
  label: string;
  payload: string | Buffer;
  contentType: string;
}

/** What JSON.parse makes of the body, or `refused` when the parser must refuse it (other type, broken, hostile). */
export function parsedBody(body: TRawBody): { refused: true } | { refused: false; value: unknown } {
  if (!body.contentType.startsWith('application/json')) return { refused: true };
  const text = body.payload.toString();
  // Fastify refuses prototype-poisoning keys (onProtoPoisoning / onConstructorPoisoning: 'error').
  if (/"__proto__"\s*:|"constructor"\s*:/.test(text) || text.length > 256 * 1024) return { refused: true };
  try {
    return { refused: false, value: JSON.parse(text) };
  } catch {
    return { refused: true };
  }
}

/**
 * The bodies for one route. Those built from the route's own valid body go to every route; the
 * transport-level ones (content types, size, nesting) are handled by Fastify the same way for
 * every route, so each route gets `transportShare` of them in turn and all are sent many times over.
 */
export function rawBodies(valid: unknown, routeIndex: number, transportShare = 4): TRawBody[] {
  const all = allRawBodies(valid);
  const own = all.filter((body) => OWN_SHAPE.has(body.label) || body.label.startsWith('top-level'));
  const transport = all.filter((body) => !own.includes(body));
  const start = (routeIndex * transportShare) % transport.length;
  return [...own, ...[...transport, ...transport].slice(start, start + transportShare)];
}

const OWN_SHAPE = new Set(['unterminated JSON', 'empty body', '__proto__ key', 'invalid UTF-8 bytes', 'duplicate keys', 'text/plain']);

function allRawBodies(valid: unknown): TRawBody[] {
  const json = 'application/json';
  const text = JSON.stringify(valid ?? {});
  const deepArrays = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  const deepObjects = `${'{"a":'.repeat(40_000)}1${'}'.repeat(40_000)}`;
  return [
    { label: 'unterminated JSON', payload: '{"unterminated": ', contentType: json },
    { label: 'empty body', payload: '', contentType: json },
    { label: 'form-encoded', payload: 'email=a&password=b', contentType: 'application/x-www-form-urlencoded' },
    { label: 'text/plain', payload: text, contentType: 'text/plain' },
    { label: 'XML', payload: '<?xml version="1.0"?><a/>', contentType: 'application/xml' },
    { label: 'multipart', payload: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--', contentType: 'multipart/form-data; boundary=b' },
    { label: 'JSON declared as UTF-16', payload: text, contentType: 'application/json; charset=utf-16' },
    { label: 'bad content type', payload: text, contentType: 'application/json; ;;=' },
    { label: 'over the body limit', payload: JSON.stringify({ padding: 'x'.repeat(300 * 1024) }), contentType: json },
    { label: '__proto__ key', payload: text.replace(/^\{/, '{"__proto__":{"isPlatformAdmin":true},').replace(',}', '}'), contentType: json },
    { label: 'constructor.prototype key', payload: '{"constructor":{"prototype":{"isPlatformAdmin":true}}}', contentType: json },
    { label: '100,000 nested arrays', payload: deepArrays, contentType: json },
    { label: '40,000 nested objects', payload: deepObjects, contentType: json },
    { label: 'number beyond double', payload: '1e400', contentType: json },
    { label: 'invalid UTF-8 bytes', payload: Buffer.concat([Buffer.from(text.replace(/\}$/, text === '{}' ? '"a":"' : ',"a":"')), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}')]), contentType: json },
    { label: 'trailing garbage', payload: `${text}xyz`, contentType: json },
    { label: 'two documents', payload: `${text}${text}`, contentType: json },
    ...([null, 0, 'text', [], [{}], true, {}] as const).map((value) => ({ label: `top-level ${JSON.stringify(value)}`, payload: JSON.stringify(value), contentType: json })),
    { label: 'duplicate keys', payload: text.replace(/^\{/, '{"x":1,"x":2,'), contentType: json },
  ];
}
