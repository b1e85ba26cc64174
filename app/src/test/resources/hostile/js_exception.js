// Uncaught exception in Node: exit 1.
function f() { throw new Error("boom"); }
f();
