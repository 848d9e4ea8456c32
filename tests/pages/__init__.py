"""The page registry: every page, who may open it, and how to show it with errors (registry.py).

The access walk (tests/test_access_walk.py) and the axe walk (tests/browser/test_axe_walk.py)
read it; the other modules make URLs of demo objects for its entries.
"""
