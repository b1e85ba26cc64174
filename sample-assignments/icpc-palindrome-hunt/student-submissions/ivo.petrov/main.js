// Ivo Petrov
// Manacher is right, but Math.max(...p) passes every element as an argument:
// "RangeError: Maximum call stack size exceeded" once p has a few hundred thousand entries.
const s = require("fs").readFileSync(0, "utf8").trim();
const t = "^#" + s.split("").join("#") + "#$";
const p = new Array(t.length).fill(0);
let center = 0, right = 0;
for (let i = 1; i < t.length - 1; i++) {
  if (i < right) p[i] = Math.min(right - i, p[2 * center - i]);
  while (t[i + p[i] + 1] === t[i - p[i] - 1]) p[i]++;
  if (i + p[i] > right) { center = i; right = i + p[i]; }
}
const longest = Math.max(...p);
const mid = p.indexOf(longest);
const start = Math.floor((mid - longest) / 2);
console.log(start + 1, start + longest);
