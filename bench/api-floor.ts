/**
 * The floor of the API benchmark (bench/api.bench.ts): a bare `node:http` server in a process of its
 * own that answers every request with the one table read the API's item read makes (the BatchGetItem
 * of the caller's user record and the item, strongly consistent, through the adapters' document
 * client), and nothing else: no route, no token check, no middleware, no validation. It shows what
 * the HTTP hop and that read cost on this machine, whatever the API does around them. Started with
 * `fork()` (the table's endpoint and name in its environment); answers `{ url }` over IPC.
 */
import { createServer } from 'node:http';
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../functions/adapters/dynamodb.ts';

const table = process.env.TABLE_NAME!;
const server = createServer((req, res) => {
  const itemId = decodeURIComponent((req.url ?? '').split('/').pop() ?? '');
  const Keys = [
    { pk: `USER#${process.env.BENCH_USERNAME}`, sk: 'USER' },
    { pk: `ITEM#${itemId}`, sk: 'ITEM' },
  ];
  documentClient()
    .send(new BatchGetCommand({ RequestItems: { [table]: { Keys, ConsistentRead: true } } }))
    .then((out) => {
      const item = out.Responses?.[table]?.find((r) => r.sk === 'ITEM');
      res.writeHead(item ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(item ?? null));
    })
    .catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    });
});
server.listen(0, '127.0.0.1', () => process.send?.({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }));
process.on('message', (m) => {
  if (m === 'stop') server.close(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
