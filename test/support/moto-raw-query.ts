// moto 5.2.1 with signature checking on, verifying signatures over the query string as it was
// sent. Stock moto rebuilds the URL through werkzeug's `request.url`, which percent-decodes the
// query (`delimiter=%2F` becomes `delimiter=/`), so every correctly signed request with an encoded
// `/` in a query value is rejected (the AWS CLI fails there too). Browsing S3 by folder needs
// exactly those requests (`prefix=docs%2F&delimiter=%2F`). This launcher patches only that input
// to the check: the canonical query is then the bytes on the wire, as AWS computes it. The
// signature itself is still verified (a wrong secret is still SignatureDoesNotMatch).
// Paths are untouched: keys with `+`, `,` or non-ASCII characters are still rejected.
import { startMoto, type MotoServer } from './moto.js';

const launcher = `
import sys
from moto.core.authorization import ActionAuthenticatorMixin

_check = ActionAuthenticatorMixin._authenticate_and_authorize_action

def _check_raw_query(self, iam_request_cls, resource="*"):
    raw = getattr(getattr(self, "request", None), "query_string", None)
    uri = getattr(self, "uri", None)
    if not (isinstance(raw, bytes) and raw and isinstance(uri, str)):
        return _check(self, iam_request_cls, resource)
    self.uri = uri.split("?", 1)[0] + "?" + raw.decode("latin-1")
    try:
        return _check(self, iam_request_cls, resource)
    finally:
        self.uri = uri

ActionAuthenticatorMixin._authenticate_and_authorize_action = _check_raw_query

from moto.server import main
main(sys.argv[1:])
`;

/** Like startMoto() (an allow-all IAM user, signature checking on), with queries checked as sent. */
export function startMotoRawQuery(): Promise<MotoServer> {
  return startMoto({ launcher });
}
