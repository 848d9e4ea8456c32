"""File names of downloads keep Danish words readable."""

from samskab.core.filenames import file_slug


def test_danish_letters_become_what_danes_write_without_them():
    assert file_slug("Mindre bøvl på Ærø, mere tid i Åbyhøj") == "mindre-boevl-paa-aeroe-mere-tid-i-aabyhoej"


def test_what_is_not_a_letter_or_digit_becomes_a_single_dash():
    assert file_slug("Runde 2: \"Skabelon\" / tavle") == "runde-2-skabelon-tavle"
