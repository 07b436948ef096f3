// bench/catalog_api anchor: GET /api/catalog/videos/:id answers the same JSON bytes catalog-api
// serves, held in memory, with Express's defaults (ETag included). Usage: node server.js PORT FILE
'use strict';
const fs = require('fs');
const express = require('express');

const [port, file] = process.argv.slice(2);
const body = fs.readFileSync(file);
const app = express();
app.get('/api/catalog/videos/:id', (req, res) => {
  res.set('Cache-Control', 'public, max-age=30');
  res.type('application/json').send(body);
});
app.listen(Number(port), '127.0.0.1');
