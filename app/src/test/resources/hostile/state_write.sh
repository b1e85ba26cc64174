# Run 1 of the cross-run leakage check: leaves state in /tmp and the scratch folder.
echo leaked > /tmp/state && echo leaked > /box/run/state && echo written
