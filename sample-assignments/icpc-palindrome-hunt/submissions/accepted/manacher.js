// Manacher's algorithm in Node.js.
const s = require("fs").readFileSync(0, "utf8").trim();
const t = "^#" + s.split("").join("#") + "#$";
const p = new Int32Array(t.length);
let center = 0, right = 0, best = 0;
for (let i = 1; i < t.length - 1; i++) {
  if (i < right) p[i] = Math.min(right - i, p[2 * center - i]);
  while (t[i + p[i] + 1] === t[i - p[i] - 1]) p[i]++;
  if (i + p[i] > right) { center = i; right = i + p[i]; }
  if (p[i] > p[best]) best = i;
}
const start = (best - p[best]) >> 1;
console.log(`${start + 1} ${start + p[best]}`);
