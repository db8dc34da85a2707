"""Place strings with known answers, for the offline geocoder's accuracy test and benchmark.

Coordinates are public facts (airport reference points, city centres, the middle of a sea),
written down independently of the gazetteer's data; tolerances say how far off an answer may
be and still be right for the kind of place (an airport: a few km; a sea: hundreds).
"""

from __future__ import annotations

#: (query, latitude, longitude, ISO alpha-2 country or "" at sea, tolerance in km)
CASES: list[tuple[str, float, float, str, float]] = [
    # ICAO and IATA codes
    ("LLBG", 32.01, 34.89, "IL", 5),
    ("EYVI", 54.63, 25.29, "LT", 5),
    ("TLV", 32.01, 34.89, "IL", 5),
    ("KGD", 54.89, 20.59, "RU", 5),
    ("LBPD", 42.07, 24.85, "BG", 5),
    ("ENKR", 69.73, 29.89, "NO", 5),
    # airport names
    ("Plovdiv Airport", 42.07, 24.85, "BG", 10),
    ("Ben Gurion Airport", 32.01, 34.89, "IL", 10),
    ("Vilnius Airport", 54.63, 25.29, "LT", 10),
    ("Tartu Airport", 58.31, 26.69, "EE", 10),
    ("Joensuu Airport", 62.66, 29.61, "FI", 10),
    ("Kirkenes Airport", 69.73, 29.89, "NO", 10),
    ("Beirut airport", 33.82, 35.49, "LB", 10),
    ("Larnaca International Airport", 34.88, 33.63, "CY", 10),
    ("Heathrow Airport", 51.47, -0.45, "GB", 10),
    ("Ercan airport", 35.15, 33.50, "CY", 10),
    ("Vardø Airport", 70.36, 31.04, "NO", 10),
    ("Indira Gandhi International Airport", 28.57, 77.10, "IN", 10),
    # cities, alternate and historic names, diacritics either way
    ("Kiev", 50.45, 30.52, "UA", 25),
    ("Kyiv", 50.45, 30.52, "UA", 25),
    ("Calcutta", 22.57, 88.36, "IN", 25),
    ("Bombay", 19.08, 72.88, "IN", 25),
    ("Šiauliai", 55.93, 23.32, "LT", 25),
    ("Siauliai", 55.93, 23.32, "LT", 25),
    ("Poznań", 52.41, 16.93, "PL", 25),
    ("Poznan", 52.41, 16.93, "PL", 25),
    ("Königsberg", 54.71, 20.51, "RU", 25),
    ("Kaliningrad", 54.71, 20.51, "RU", 25),
    ("Leningrad", 59.94, 30.31, "RU", 25),
    ("Gdańsk", 54.35, 18.65, "PL", 25),
    ("Tromsø", 69.65, 18.96, "NO", 25),
    ("Rīga", 56.95, 24.11, "LV", 25),
    ("Tallinn", 59.44, 24.75, "EE", 25),
    ("Mumbai", 19.08, 72.88, "IN", 25),
    ("Amritsar", 31.63, 74.87, "IN", 25),
    ("Grozny", 43.32, 45.69, "RU", 25),
    ("Bydgoszcz", 53.12, 18.01, "PL", 25),
    # "City, Country", "near X", "X area"
    ("Nicosia, Cyprus", 35.17, 33.36, "CY", 25),
    ("Paris, France", 48.86, 2.35, "FR", 25),
    ("Tel Aviv, Israel", 32.08, 34.78, "IL", 25),
    ("Kristianstad, Sweden", 56.03, 14.16, "SE", 25),
    ("near Kaliningrad", 54.71, 20.51, "RU", 50),
    ("Near Mosul", 36.34, 43.13, "IQ", 50),
    ("Tartu area", 58.38, 26.72, "EE", 50),
    ("Savonlinna area", 61.87, 28.88, "FI", 50),
    # countries
    ("Lebanon", 33.9, 35.9, "LB", 150),
    ("Estonia", 58.7, 25.5, "EE", 200),
    ("Pakistani airspace", 30.0, 69.5, "PK", 500),
    ("Türkiye", 39.0, 35.0, "TR", 500),
    # curated areas
    ("Baltic Sea", 58.0, 19.5, "", 400),
    ("Gulf of Finland", 59.9, 26.0, "", 200),
    ("Black Sea", 43.3, 34.3, "", 400),
    ("Eastern Mediterranean", 34.0, 32.0, "", 500),
    ("Persian Gulf", 26.5, 52.0, "", 400),
    ("Red Sea", 20.0, 38.5, "", 800),
    ("Sinai", 29.5, 33.8, "EG", 200),
    ("Gotland", 57.47, 18.49, "SE", 80),
    ("Finnmark", 70.0, 25.5, "NO", 250),
    ("Kaliningrad region", 54.7, 21.2, "RU", 120),
    ("Svalbard", 78.5, 17.0, "NO", 250),
    ("Bay of Bengal", 15.0, 88.0, "", 800),
    ("Caspian Sea", 41.5, 50.5, "", 600),
    ("Nicosia FIR", 35.0, 33.0, "CY", 300),
    ("Strait of Hormuz", 26.6, 56.4, "", 150),
]
