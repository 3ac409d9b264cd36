"use strict";
// Local embeddings service speaking the OpenAI embeddings protocol, so the app uses the same
// client code for the local model and for OpenAI. Universal Sentence Encoder lite (512 dims),
// weights loaded from node_modules: no network at any time. The model runs in model-worker.js.
//
//   POST /v1/embeddings  {"model","input": string | string[],"encoding_format": "float" | "base64"}
//   GET  /health         200 once the model is loaded, 503 before
//
// Environment: EMBEDDINGS_PORT (default 58080), EMBEDDINGS_HOST (default 127.0.0.1).
//
// One inference at a time, in arrival order: requests queue, and each pass of the model takes everything that has
// queued meanwhile (up to MAX_PASS_INPUTS texts), which the model embeds several times faster per text than one
// request at a time. Work for a request whose client went away is dropped before it reaches the model.
// The model runs on a worker thread so that this thread's event loop stays free for the network. With inferences
// on this thread (as before), each turn of the event loop took as long as an inference, and Node accepts one new
// connection per turn: once clients gave up on requests and came back on new connections, those piled up in the
// listen backlog faster than they were accepted, and waited until the load stopped, 30 s and more
// (bench/embeddings/stall.py reproduces it; bench/README.md, chat).

const http = require("node:http");
const path = require("node:path");
const { Worker } = require("node:worker_threads");

const MODEL_NAME = "use-lite-512";
const DIMENSIONS = 512;
const MAX_INPUTS = 256;
const MAX_INPUT_CHARS = 20_000;
const MAX_BODY_BYTES = 8 * 1024 * 1024;
// Sub-batches bound the size of one inference; the model is much faster per sentence in batches.
const SUB_BATCH = 32;
// Texts from queued requests embedded in one pass; a request is never split between passes.
const MAX_PASS_INPUTS = MAX_INPUTS;

const host = process.env.EMBEDDINGS_HOST || "127.0.0.1";
const port = Number.parseInt(process.env.EMBEDDINGS_PORT || "58080", 10);

let ready = false;

class RequestError extends Error {
  constructor(status, message, type, param, code) {
    super(message);
    this.status = status;
    this.type = type;
    this.param = param ?? null;
    this.code = code ?? null;
  }
}

const invalid = (message, param, code) => new RequestError(400, message, "invalid_request_error", param, code);

function send(res, status, body) {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

function sendError(res, error) {
  send(res, error.status, {
    error: { message: error.message, type: error.type, param: error.param, code: error.code },
  });
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      // Past the cap the rest is drained unread, so the client still gets the 413 instead of a reset.
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        reject(new RequestError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes.`, "invalid_request_error"));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
    req.on("close", () => {
      if (!req.complete) reject(new RequestError(400, "The client went away.", "invalid_request_error"));
    });
  });
}

function parseRequest(text) {
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid("The request body is not valid JSON.");
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw invalid("The request body must be a JSON object.");
  }
  if (typeof body.model !== "string" || body.model.length === 0) {
    throw invalid("'model' is required.", "model");
  }
  if (body.model !== MODEL_NAME) {
    throw new RequestError(404, `The model '${body.model}' does not exist; this service serves '${MODEL_NAME}'.`,
      "invalid_request_error", "model", "model_not_found");
  }
  const format = body.encoding_format ?? "float";
  if (format !== "float" && format !== "base64") {
    throw invalid("'encoding_format' must be 'float' or 'base64'.", "encoding_format");
  }
  if (body.dimensions !== undefined && body.dimensions !== null && body.dimensions !== DIMENSIONS) {
    throw invalid(`This model only produces ${DIMENSIONS} dimensions.`, "dimensions");
  }
  const inputs = typeof body.input === "string" ? [body.input] : body.input;
  if (!Array.isArray(inputs)) {
    throw invalid("'input' must be a string or an array of strings.", "input");
  }
  if (inputs.length === 0) {
    throw invalid("'input' must not be empty.", "input");
  }
  if (inputs.length > MAX_INPUTS) {
    throw invalid(`'input' has ${inputs.length} items; at most ${MAX_INPUTS} are allowed per request.`, "input");
  }
  inputs.forEach((item, index) => {
    if (typeof item !== "string") {
      throw invalid(`'input[${index}]' must be a string.`, "input");
    }
    if (item.trim().length === 0) {
      throw invalid(`'input[${index}]' must not be empty.`, "input");
    }
    if (item.length > MAX_INPUT_CHARS) {
      throw invalid(`'input[${index}]' has ${item.length} characters; at most ${MAX_INPUT_CHARS} are allowed.`, "input");
    }
  });
  return { inputs, format };
}

function encode(vector, format) {
  if (format === "float") return Array.from(vector);
  const buffer = Buffer.alloc(vector.length * 4);
  for (let i = 0; i < vector.length; i++) buffer.writeFloatLE(vector[i], i * 4);
  return buffer.toString("base64");
}

// Settles a request whose client closed the connection; nothing is sent.
const CLIENT_GONE = new RequestError(499, "The client went away.", "invalid_request_error");

// Requests waiting for the model, oldest first, and whether a pass is running.
const queue = [];
let working = false;

const worker = new Worker(path.join(__dirname, "model-worker.js"));
const inferences = new Map();
let nextInference = 0;

function infer(texts) {
  return new Promise((resolve, reject) => {
    const id = nextInference++;
    inferences.set(id, { resolve, reject });
    worker.postMessage({ id, texts });
  });
}

worker.on("message", (message) => {
  if (message.ready) {
    ready = true;
    console.log(`embeddings: ${MODEL_NAME} loaded in ${message.ms.toFixed(0)} ms (model thread rss ${(message.rss / 1048576).toFixed(0)} MB)`);
    return;
  }
  if (message.failed) {
    console.error("embeddings: failed to load the model", message.failed);
    process.exit(1);
  }
  const pending = inferences.get(message.id);
  inferences.delete(message.id);
  if (message.error) pending.reject(new Error(message.error));
  else pending.resolve(message);
});
worker.on("error", (error) => {
  console.error("embeddings: the model thread failed", error);
  process.exit(1);
});

function takePass() {
  const pass = [];
  let texts = 0;
  while (queue.length > 0) {
    const job = queue[0];
    if (job.gone()) {
      queue.shift();
      job.fail(CLIENT_GONE);
      continue;
    }
    if (pass.length > 0 && texts + job.inputs.length > MAX_PASS_INPUTS) break;
    queue.shift();
    pass.push(job);
    texts += job.inputs.length;
  }
  return pass;
}

async function embedPass(pass) {
  const texts = pass.flatMap((job) => job.inputs);
  const results = [];
  for (let start = 0; start < texts.length; start += SUB_BATCH) {
    // Everyone in the pass went away: the rest of it would be computed for nobody.
    if (pass.every((job) => job.gone())) return null;
    const { vectors, tokens } = await infer(texts.slice(start, start + SUB_BATCH));
    tokens.forEach((count, index) => results.push({ vector: vectors.subarray(index * DIMENSIONS, (index + 1) * DIMENSIONS), tokens: count }));
  }
  return results;
}

async function work() {
  try {
    for (let pass = takePass(); pass.length > 0; pass = takePass()) {
      let vectors;
      try {
        vectors = await embedPass(pass);
      } catch (error) {
        console.error(error);
        pass.forEach((job) => job.fail(new RequestError(500, "The embedding failed.", "server_error")));
        continue;
      }
      let offset = 0;
      for (const job of pass) {
        const mine = vectors?.slice(offset, offset + job.inputs.length);
        offset += job.inputs.length;
        if (mine && !job.gone()) job.done(mine);
        else job.fail(CLIENT_GONE);
      }
    }
  } finally {
    working = false;
  }
}

function embed(inputs, gone) {
  return new Promise((resolve, reject) => {
    queue.push({ inputs, gone, done: resolve, fail: reject });
    if (!working) {
      working = true;
      work();
    }
  });
}

async function handleEmbeddings(req, res) {
  if (!ready) {
    throw new RequestError(503, "The model is still loading.", "server_error");
  }
  let closed = false;
  res.on("close", () => {
    closed = true;
  });
  const { inputs, format } = parseRequest(await readBody(req));
  const results = await embed(inputs, () => closed);
  const tokens = results.reduce((total, result) => total + result.tokens, 0);
  send(res, 200, {
    object: "list",
    data: results.map((result, index) => ({ object: "embedding", index, embedding: encode(result.vector, format) })),
    model: MODEL_NAME,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}

async function route(req, res) {
  const path = new URL(req.url, "http://localhost").pathname;
  if (path === "/health") {
    if (req.method !== "GET" && req.method !== "HEAD") {
      throw new RequestError(405, "Use GET.", "invalid_request_error");
    }
    send(res, ready ? 200 : 503, { status: ready ? "ok" : "loading", model: MODEL_NAME, dimensions: DIMENSIONS });
    return;
  }
  if (path === "/v1/embeddings") {
    if (req.method !== "POST") {
      throw new RequestError(405, "Use POST.", "invalid_request_error");
    }
    await handleEmbeddings(req, res);
    return;
  }
  throw new RequestError(404, `No route for ${req.method} ${path}.`, "invalid_request_error");
}

const server = http.createServer((req, res) => {
  route(req, res).catch((error) => {
    if (error === CLIENT_GONE || res.destroyed) return;
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error instanceof RequestError) {
      sendError(res, error);
      return;
    }
    console.error(error);
    sendError(res, new RequestError(500, "The embedding failed.", "server_error"));
  });
});

server.listen(port, host, () => console.log(`embeddings: listening on http://${host}:${port}/v1 (model loading)`));

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
