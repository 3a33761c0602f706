#!/usr/bin/env node
await import('../dist/cli/bin.js');
