// One XMPP client on xmpp.js (@xmpp/client), driven by XmppJsClientTest through standard input and output, one JSON
// object a line each way. Requests: {"id", "op", ...}; each gets one answer {"id", "ok", ...}. Every message and
// presence the server sends this client is printed as {"event": "stanza", "xml"} as it arrives.
//   start    {service, domain, username, password, resource, register}  connect (STARTTLS over TCP, or WebSocket),
//            first registering the account in band (XEP-0077) if asked, then log in (SASL) and bind; answers {jid}
//   send     {xml}                       send a stanza as is
//   iq       {xml}                       send an IQ and answer with the reply {xml} (an error reply too)
//   http     {method, url, headers, body}  an HTTP request (XEP-0363 upload and download); answers {status, body}
//   stop                                 close the stream and exit
// The server's certificate is trusted through NODE_EXTRA_CA_CERTS, as an application would pin it.
import { client, xml } from "@xmpp/client";
import { parse } from "ltx";
import readline from "node:readline";
import { WebSocket as NodeWebSocket } from "ws";

// xmpp.js uses the platform's WebSocket, which Node.js has built in only from version 22 on.
globalThis.WebSocket ??= NodeWebSocket;

let xmpp = null;

function print(object) {
  process.stdout.write(JSON.stringify(object) + "\n");
}

// XEP-0077 before authentication: on the stream after STARTTLS, when the client is about to authenticate.
async function register(entity, domain, username, password) {
  const answer = await entity.iqCaller.request(
    xml("iq", { type: "set", to: domain },
      xml("query", { xmlns: "jabber:iq:register" },
        xml("username", {}, username), xml("password", {}, password))));
  if (answer.attrs.type !== "result") {
    throw new Error("registration refused: " + answer.toString());
  }
}

async function start({ service, domain, username, password, resource, register: registerFirst }) {
  const entity = client({
    service, domain, resource,
    credentials: async (authenticate, mechanisms) => {
      if (registerFirst) {
        await register(entity, domain, username, password);
      }
      await authenticate({ username, password }, mechanisms[0]);
    },
  });
  entity.on("stanza", (stanza) => {
    if (stanza.is("message") || stanza.is("presence")) {
      print({ event: "stanza", xml: stanza.toString() });
    }
  });
  entity.on("error", (error) => print({ event: "error", message: String(error) }));
  const address = await entity.start();
  xmpp = entity;
  return { jid: address.toString() };
}

async function iq({ xml: text }) {
  try {
    return { xml: (await xmpp.iqCaller.request(parse(text))).toString() };
  } catch (error) {
    if (error.element) {
      return { xml: error.element.parent ? error.element.parent.toString() : error.element.toString() };
    }
    throw error;
  }
}

async function http({ method, url, headers, body }) {
  const response = await fetch(url, { method, headers, body });
  return { status: response.status, body: await response.text() };
}

const operations = {
  start,
  send: async ({ xml: text }) => { await xmpp.send(parse(text)); return {}; },
  iq,
  http,
  stop: async () => { if (xmpp) await xmpp.stop(); return {}; },
};

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", async (line) => {
  const request = JSON.parse(line);
  try {
    print({ id: request.id, ok: true, ...(await operations[request.op](request)) });
  } catch (error) {
    print({ id: request.id, ok: false, error: String(error && error.stack || error) });
  }
  if (request.op === "stop") {
    process.exit(0);
  }
});
// The test's end (or its JVM's death) closes standard input: nothing outlives it.
lines.on("close", () => process.exit(0));
