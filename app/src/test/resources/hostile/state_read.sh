# Run 2: must see neither file.
if [ -e /tmp/state ] || [ -e /box/run/state ]; then echo LEAKED; else echo clean; fi
