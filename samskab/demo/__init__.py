"""Demo Kommune (kommune.py, with bank.py and network.py), the synthetic municipality (synthetic.py) and their commands.

It may import any app; no app imports it.
"""
