# Uncaught exception: exit 1 with a traceback.
def f(x):
    return {}[x]
f("missing")
