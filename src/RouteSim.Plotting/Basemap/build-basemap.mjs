// Builds naturalearth-basemap.geojson from Natural Earth 4.1.0 as redistributed by the npm package
// world-atlas 2.0.2 (TopoJSON), with topojson-client 3.1.0 splitting shared arcs (boundaries) from
// unshared ones (coastlines). Run from this folder:
//   npm install --no-save world-atlas@2.0.2 topojson-client@3.1.0 && node build-basemap.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const topojson = require("topojson-client");
const atlas = (scale) => JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${scale}.json`), "utf8"));

// Three decimals (about 110 m) is finer than the 1:10m quantization grid (0.0036 by 0.0017 degrees).
const round = (c) => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 1000) / 1000, Math.round(c[1] * 1000) / 1000];
const feature = (properties, geometry) => ({ type: "Feature", properties, geometry: { type: geometry.type, coordinates: round(geometry.coordinates) } });

const fine = atlas("10m"), medium = atlas("50m");
const features = [];
for (const country of topojson.feature(medium, medium.objects.countries).features)
  features.push(feature({ layer: "country", scale_denominator: 50000000, name: country.properties.name, iso_n3: country.id ?? "" }, country.geometry));
features.push(feature({ layer: "coastline", scale_denominator: 50000000 }, topojson.mesh(medium, medium.objects.countries, (a, b) => a === b)));
features.push(feature({ layer: "boundary", scale_denominator: 10000000 }, topojson.mesh(fine, fine.objects.countries, (a, b) => a !== b)));

const collection = {
  type: "FeatureCollection",
  source: "Natural Earth 4.1.0 (public domain) via npm world-atlas 2.0.2: countries and coastlines at 1:50m, international boundaries at 1:10m",
  features,
};
writeFileSync("naturalearth-basemap.geojson", JSON.stringify(collection) + "\n");
