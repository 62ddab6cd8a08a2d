// One ListObjectsV2 page of 1,000 keys (the shape of the demo's big bucket) parsed in-process:
// awsdeck's model-driven rest-xml parser (keys URL-decoded, timestamps rendered as the CLI does)
// beside fast-xml-parser, the XML reader the AWS SDK for JavaScript v3 builds its parsing on
// (untyped: no shapes, no timestamps). Medians of 200 parses after 50 of warm-up.
// Run: node bench/parse-page.mjs
import { register } from 'tsx/esm/api';
import { XMLParser } from 'fast-xml-parser';

register();
const { loadService } = await import('../src/engine/models/loader.ts');
const { protocolFor } = await import('../src/engine/protocols/index.ts');

const model = loadService('s3api');
const op = model.operations.ListObjectsV2;
const contents = Array.from({ length: 1000 }, (_, i) => `<Contents><Key>events%2F2024%2F01%2Fevent-${String(i).padStart(6, '0')}.json</Key>`
  + `<LastModified>2024-01-0${(i % 9) + 1}T10:00:00.000Z</LastModified><ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag>`
  + `<Size>${1000 + i}</Size><StorageClass>STANDARD</StorageClass></Contents>`).join('');
const body = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
  + '<Name>b</Name><Prefix></Prefix><KeyCount>1000</KeyCount><MaxKeys>1000</MaxKeys><EncodingType>url</EncodingType>'
  + `<IsTruncated>true</IsTruncated><NextContinuationToken>abc</NextContinuationToken>${contents}</ListBucketResult>`);
const response = { statusCode: 200, headers: { 'content-type': 'application/xml' }, body };
const protocol = protocolFor(model);

function medianMs(parse) {
  for (let i = 0; i < 50; i++) parse();
  const times = [];
  for (let i = 0; i < 200; i++) { const t = performance.now(); parse(); times.push(performance.now() - t); }
  return +times.sort((a, b) => a - b)[100].toFixed(2);
}

const awsdeck = medianMs(() => protocol.parse(model, op, response, { requestParams: {} }));
const fxp = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false });
const fastXmlParser = medianMs(() => fxp.parse(body.toString('utf8')));
const parsed = protocol.parse(model, op, response, { requestParams: {} });
if (parsed.Contents.length !== 1000 || parsed.Contents[0].Key !== 'events/2024/01/event-000000.json') throw new Error('parse check failed');
console.log(JSON.stringify({ command: 'node bench/parse-page.mjs', keysPerPage: 1000, awsdeckMs: awsdeck, fastXmlParserUntypedMs: fastXmlParser, ratio: +(awsdeck / fastXmlParser).toFixed(2) }, null, 2));
