namespace SmbAgent.KnowledgeBase.Chunking;

/// <summary>A passage ready to embed: its citation title, its text and its size in cl100k tokens.</summary>
public sealed record TextChunk(string Title, string Text, int TokenCount);
