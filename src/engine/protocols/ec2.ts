// EC2: the query protocol with its own naming, list and response-wrapper rules.
import { resolveShape } from '../models/shapes.js';
import { createQueryProtocol, queryDialect, serializeQueryValue, type QueryDialect } from './query.js';

export const ec2Dialect: QueryDialect = {
  // queryName, else locationName with its first letter upper-cased, else the member name.
  serializedName(member, memberName) {
    if (member.queryName) return member.queryName;
    if (member.locationName) return member.locationName[0].toUpperCase() + member.locationName.slice(1);
    return memberName;
  },
  // `Name.N`, never `.member`; an empty list sends nothing.
  serializeList(model, out, items, shape, prefix, dialect) {
    const item = resolveShape(model, shape.member);
    items.forEach((v, i) => serializeQueryValue(model, out, v, item, `${prefix}.${i + 1}`, dialect));
  },
  // No Result wrapper: members sit directly under `<OpResponse>`.
  resultWrapper: () => undefined,
  // `<Response>…<RequestID>` uses a capital ID.
  errorRequestId: (plain) => queryDialect.errorRequestId(plain) ?? (typeof plain.RequestID === 'string' ? plain.RequestID : undefined),
};

export const ec2Protocol = createQueryProtocol(ec2Dialect);
