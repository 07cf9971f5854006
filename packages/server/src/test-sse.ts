import http from 'node:http';

/** A page following a record live: its open event stream and every summary it has received, with the time. */
export interface SseClient<T> {
  events: { at: number; data: T }[];
  req: http.ClientRequest;
  status: Promise<number>;
}

export function connect<T>(port: number, path: string, cookie: string): SseClient<T> {
  const events: SseClient<T>['events'] = [];
  let buf = '';
  let setStatus: (n: number) => void;
  const status = new Promise<number>((r) => (setStatus = r));
  const req = http.get(
    { host: '127.0.0.1', port, path, headers: { cookie, accept: 'text/event-stream' }, agent: false },
    (res) => {
      setStatus(res.statusCode ?? 0);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (!block.includes('event: summary')) continue;
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data) events.push({ at: performance.now(), data: JSON.parse(data.slice(6)) as T });
        }
      });
    },
  );
  req.on('error', () => {});
  return { events, req, status };
}
