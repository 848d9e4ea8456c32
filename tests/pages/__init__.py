"""The page registry: every page, who may open it, and how to show it with errors (registry.py).

The access walk (tests/test_access_walk.py) and the axe walk (tests/browser/test_axe_walk.py)
read it; page.py says what a page is and who may open it, and each app's module holds its
entries and the URLs of the demo objects they need.
"""
