// fast-xml.ts must build exactly the tree the SDK's own XML reader builds: the SDK's schema reading
// runs on it unchanged. Compared here on AWS-shaped answers, on every edge the SDK's parser handles,
// on generated documents, and end to end through a query-protocol client against the sandbox.
import {
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSdkClient } from "../src/config";
import { fastXmlReader, parseAwsXml } from "../src/fast-xml";
import { ACME, credentialsOf, startWorld, type World } from "./discovery/fixtures";
import { rejectionOf } from "./fixtures";

type Deserializer = { parseXml(xml: string): unknown };
const sdkDeserializer = (client: EC2Client) =>
  (client.config as unknown as { protocol: { deserializer: Deserializer } }).protocol.deserializer;
/** The SDK's own parseXml, as every query-protocol client had it. */
const sdk = (() => {
  const deserializer = sdkDeserializer(new EC2Client({ region: "us-east-1" }));
  const own = Object.getPrototypeOf(deserializer) as Deserializer;
  return (xml: string) => own.parseXml.call(deserializer, xml);
})();

const same = (xml: string) => {
  let expected: unknown;
  let failure: unknown;
  try {
    expected = sdk(xml);
  } catch (error) {
    failure = error;
  }
  // Where the SDK's reader fails, this one fails too (with the same message for a malformed document).
  const message = (failure as Error | undefined)?.message ?? "";
  if (failure)
    expect(() => parseAwsXml(xml)).toThrow(message.startsWith("@aws-sdk XML") ? message : undefined);
  else expect(parseAwsXml(xml)).toStrictEqual(expected);
};

const DESCRIBE_INSTANCES = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>8f7724cf-496f-496e-8fe3-example</requestId>
    <reservationSet>
        <item>
            <reservationId>r-1234567890abcdef0</reservationId>
            <ownerId>123456789012</ownerId>
            <groupSet/>
            <instancesSet>
                <item>
                    <instanceId>i-1234567890abcdef0</instanceId>
                    <instanceState><code>16</code><name>running</name></instanceState>
                    <launchTime>2018-05-08T16:46:19.000Z</launchTime>
                    <tagSet>
                        <item><key>Name</key><value>a &amp; b &lt;c&gt; &#233;&#x263A; &quot;q&quot; &apos;s&apos; &nbsp;</value></item>
                        <item><key>empty</key><value/></item>
                        <item><key>spaces</key><value>   </value></item>
                    </tagSet>
                    <networkInterfaceSet><item><attachment><status>attached</status></attachment></item></networkInterfaceSet>
                </item>
                <item><instanceId>i-2</instanceId><tagSet/></item>
            </instancesSet>
        </item>
    </reservationSet>
    <nextToken>token==</nextToken>
</DescribeInstancesResponse>`;

const ERROR = `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized.</Message></Error></Errors><RequestID>abc</RequestID></Response>`;

const QUERY_ERROR = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized</Message></Error>
  <RequestId>r-1</RequestId>
</ErrorResponse>`;

describe("parseAwsXml builds the SDK's tree", () => {
  it("on AWS-shaped answers", () => {
    same(DESCRIBE_INSTANCES);
    same(DESCRIBE_INSTANCES.replace(/\n/g, "\r\n"));
    same(ERROR);
    same(QUERY_ERROR);
  });

  it.each([
    ["empty input", ""],
    ["a text root", "<a>text</a>"],
    ["an empty root", "<a></a>"],
    ["a self-closing root", "<a/>"],
    ["attributes on a self-closing tag", `<a><b x="1" y='2'/></a>`],
    ["attributes with text", `<a><b x="1">t</b><c>u</c></a>`],
    ["text on the root with children", "<a>lead<b>1</b>tail</a>"],
    ["mixed content in a child", "<a><b>x<c>1</c>y</b></a>"],
    ["repeated children", "<a><b>1</b><b>2</b><b>3</b><c/></a>"],
    ["one-item lists", "<a><set><item><k>1</k></item></set></a>"],
    ["indentation only", "<a>\n   </a>"],
    ["spaces only", "<a>   </a>"],
    ["CDATA", "<a><b><![CDATA[<not> &amp; a tag]]></b><c>x<![CDATA[y]]>z</c></a>"],
    [
      "comments and processing instructions",
      "<!-- c --><?xml version='1.0'?><a><!-- c --><b>1</b><?pi x?></a>",
    ],
    ["a DOCTYPE", "<!DOCTYPE a [<!ENTITY x 'y'>]><a><b>1</b></a>"],
    ["a lower-case doctype", "<!doctype a><a>1</a>"],
    ["unknown and numeric entities", "<a><b>&unknown; &#65; &#x42; &amp;amp;</b></a>"],
    ["entities in attributes", `<a><b k="&lt;&amp;&gt;">v</b></a>`],
    ["a __proto__ attribute", `<a><b __proto__="x" y="1">t</b><c __proto__="x"><d>1</d></c></a>`],
    ["an attribute named like a child", `<a x="attr"><x>child</x></a>`],
    ["whitespace in tags", "<a ><b\n>1</b ></a>"],
    ["a value-less attribute", "<a><b flag>1</b></a>"],
    ["a mismatched close", "<a><b>1</c></a>"],
    ["a missing close", "<a><b>1</b>"],
    ["an unterminated tag", "<a><b"],
    ["a broken self-closing tag", "<a><b/ ></a>"],
    ["text before the root", "junk<a/>"],
    ["no root", "   "],
  ])("on %s", (_, xml) => same(xml));

  it("on generated documents", () => {
    // A small deterministic generator: nesting, repetition, attributes, text, entities, whitespace.
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    // (No inherited names such as "constructor": both readers make them [Object, …], but vitest runs this
    // file in a realm of its own, so the two Objects compare unequal.)
    const names = ["item", "key", "value", "set", "a", "b"];
    const texts = ["x", " y ", "\n  ", "", "&amp;", "&#x263A;", "1 &lt; 2", "   "];
    const element = (depth: number): string => {
      const name = pick(names);
      const attrs = random() < 0.2 ? ` ${pick(["id", "xmlns", "key", "__proto__"])}="${pick(texts)}"` : "";
      if (random() < 0.15) return `<${name}${attrs}/>`;
      if (depth > 3 || random() < 0.3) return `<${name}${attrs}>${pick(texts)}</${name}>`;
      const parts = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        random() < 0.2 ? pick(texts) : element(depth + 1),
      );
      return `<${name}${attrs}>${parts.join(random() < 0.5 ? "\n  " : "")}</${name}>`;
    };
    for (let i = 0; i < 500; i++) same(element(0));
  });

  it("leaves a document naming __proto__ to the SDK's reader", () => {
    const xml = "<a><__proto__><polluted>1</polluted></__proto__></a>";
    const read = fastXmlReader(() => "the SDK's");
    expect(read(xml)).toBe("the SDK's");
    expect(read("<a><b>1</b></a>")).toStrictEqual({ b: "1" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("a query-protocol client reads with it", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => world?.stop());

  it("and answers as the SDK's own reader did", async () => {
    const credentials = credentialsOf(world, ACME);
    const fast = createSdkClient(EC2Client, world.config, "us-east-1", credentials);
    expect(Object.hasOwn(sdkDeserializer(fast), "parseXml")).toBe(true);
    const plain = new EC2Client({
      region: "us-east-1",
      endpoint: world.config.endpoint,
      credentials,
    });
    const commands = [
      () => new DescribeInstancesCommand({ MaxResults: 1000 }),
      () => new DescribeVolumesCommand({}),
      () => new DescribeSnapshotsCommand({ OwnerIds: ["self"] }),
    ];
    for (const command of commands) {
      const [a, b] = await Promise.all([fast.send(command() as never), plain.send(command() as never)]);
      expect({ ...(a as object), $metadata: undefined }).toStrictEqual({
        ...(b as object),
        $metadata: undefined,
      });
    }
    const instances = await fast.send(new DescribeInstancesCommand({}));
    expect(instances.Reservations?.flatMap((r) => r.Instances ?? []).length).toBeGreaterThan(0);
    // An error answer is read and classified as before.
    const denied = await rejectionOf(
      createSdkClient(EC2Client, world.config, "us-east-1", credentialsOf(world, ACME, "probesOnly")).send(
        new DescribeVolumesCommand({}),
      ),
    );
    const plainDenied = await rejectionOf(
      new EC2Client({
        region: "us-east-1",
        endpoint: world.config.endpoint,
        credentials: credentialsOf(world, ACME, "probesOnly"),
      }).send(new DescribeVolumesCommand({})),
    );
    expect((denied as Error).name).toBe((plainDenied as Error).name);
    expect((denied as Error).message).toBe((plainDenied as Error).message);
    fast.destroy();
    plain.destroy();
  });
});
