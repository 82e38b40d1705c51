#!/usr/bin/env python3
"""Writes sbi.yaml, the Secure Border Initiative backtest scenario, and data/observed_fy2001_2006.csv, the
calibration's observed table, from the two tables in data/ and the geography below. Run it from this folder
after changing either: python3 build.py

Everything not in data/ is an assumption, stated here and in docs/backtest.md (decided without looking at any
figure after FY2006):
- where the sectors' main crossings are, and their border length (approximate, from U.S. Border Patrol sector
  descriptions) as the area the agents must cover (as in the Gatekeeper backtest);
- where migrants start (four source regions of Mexico) and where they go (four U.S. destinations), with shares
  loosely following the Mexican Migration Project and Census patterns of the 2000s: more from south-central
  Mexico than in the 1990s, fewer to California, more to the interior;
- travel costs proportional to great-circle distance (1 utility unit per 1,000 km);
- deaths: each sector's danger (chance that a crossing party that is not apprehended dies there) is fitted;
  it is on a relative scale, about 100 times the real chance, so that a replication counts thousands of deaths
  and the death shares carry little Monte Carlo noise. Only shares are compared, so the scale cancels; the
  commodity's danger_weight is 0 so that the inflated scale does not change route choice (the sectors' fitted
  crossing costs carry whatever weight migrants give to the danger of a sector).
The sectors' own crossing costs and dangers, the effectiveness of agents and the logit temperature are left to
the calibration (calibration.yaml)."""
import csv
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from common import MILES_TO_KM, agents_on_board, edges, migrants, places  # noqa: E402 (the shared part, ../common.py)

SECTORS = [  # id, name in the data, label, lat, lon of the main crossing, border miles
    ("san_diego", "san diego", "San Diego", 32.54, -117.03, 60),
    ("el_centro", "el centro", "El Centro", 32.67, -115.50, 70),
    ("yuma", "yuma", "Yuma", 32.49, -114.78, 126),
    ("tucson", "tucson", "Tucson", 31.33, -110.94, 262),
    ("el_paso", "el paso", "El Paso", 31.76, -106.45, 268),
    ("big_bend", "big bend", "Big Bend (Marfa)", 29.56, -104.37, 510),
    ("del_rio", "del rio", "Del Rio", 29.36, -100.90, 210),
    ("laredo", "laredo", "Laredo", 27.51, -99.51, 171),
    ("rio_grande_valley", "rio grande valley", "Rio Grande Valley (McAllen)", 26.10, -98.26, 320),
]
ORIGINS = [  # id, label, lat, lon
    ("west_central", "West-central Mexico (Jalisco, Michoacan, Guanajuato)", 20.67, -103.35),
    ("north_central", "North-central Mexico (Zacatecas, Durango, Coahuila, Chihuahua)", 25.54, -103.41),
    ("northeast", "Northeast Mexico (Nuevo Leon, Tamaulipas, San Luis Potosi)", 25.69, -100.32),
    ("south_central", "South-central Mexico and beyond (Mexico City, Puebla, Veracruz, Oaxaca, Central America)", 19.43, -99.13),
]
DESTINATIONS = [
    ("california", "California (Los Angeles)", 34.05, -118.24),
    ("arizona", "Arizona (Phoenix)", 33.45, -112.07),
    ("texas", "Texas (Houston)", 29.76, -95.37),
    ("interior", "The interior (Chicago)", 41.88, -87.63),
]
OD = {  # percent of migrants by source region and destination (assumed, 2000s)
    "west_central": {"california": 18, "interior": 12, "texas": 4, "arizona": 4},
    "north_central": {"california": 4, "texas": 5, "interior": 4, "arizona": 3},
    "northeast": {"texas": 7, "interior": 4, "california": 1},
    "south_central": {"california": 10, "texas": 7, "interior": 12, "arizona": 5},
}
WARM_UP_MONTHS = 12  # FY2000, with FY2001's agents, so beliefs settle before the first fitted year
DANGER_START = 0.02  # relative scale (see above); the calibration fits each sector's


def write_observed():
    """The long table (fiscal_year, sector, apprehensions, deaths) as one row per fiscal year, one column per
    (measure, sector): the shape the calibration's observed table takes."""
    by_name = {s[1]: s[0] for s in SECTORS}
    rows = {}
    with open("data/apprehensions_deaths_fy2001_2006.csv") as f:
        for r in csv.DictReader(f):
            y, s = int(r["fiscal_year"]), by_name[r["sector"]]
            rows.setdefault(y, {})[f"apprehensions_{s}"] = r["apprehensions"]
            rows[y][f"deaths_{s}"] = r["deaths"]
    columns = [f"{m}_{s[0]}" for m in ("apprehensions", "deaths") for s in SECTORS]
    with open("data/observed_fy2001_2006.csv", "w") as f:
        f.write("fiscal_year," + ",".join(columns) + "\n")
        for y in sorted(rows):
            f.write(f"{y}," + ",".join(rows[y][c] for c in columns) + "\n")


def main():
    write_observed()
    by_name = {s[1]: s[0] for s in SECTORS}
    agents = {}
    with open("data/border_patrol_agents_fy2001_2010.csv") as f:
        for r in csv.DictReader(f):
            agents.setdefault(int(r["fiscal_year"]), {})[by_name[r["sector"]]] = int(r["agents"])
    years = sorted(agents)
    out = []
    w = out.append
    w("# Secure Border Initiative backtest: the southwest border's nine Border Patrol sectors, FY2001-2010, monthly.")
    w("# GENERATED by build.py from data/border_patrol_agents_fy2001_2010.csv; edit build.py, not this file.")
    w("# Periods 0-11 are a warm-up year (FY2000) with FY2001's agents; FY y covers periods 12*(y-2000) to 12*(y-2000)+11.")
    w("# Agents on board per sector are the enforcement, changed at the start of each fiscal year. The sectors'")
    w("# crossing costs and dangers, effectiveness and temperature here are starting values: calibration.yaml fits them")
    w("# to FY2001-2006 apprehension and death shares and predicts FY2007-2010 from the agents alone.")
    w("name: Southwest border sectors FY2001-2010 (Secure Border Initiative backtest)")
    w("description: >")
    w("  Migrants from four regions of Mexico choose among the nine Border Patrol sectors of the southwest border on")
    w("  their way to four U.S. destinations; agents on board per sector (real staffing, FY2001-2010) set the chance")
    w("  of apprehension per crossing attempt; apprehended migrants try again the next month; a party that is not")
    w("  apprehended may die in the sector's terrain (danger on a relative scale, fitted to the deaths' shares).")
    w("sources:")
    w("  - \"U.S. Border Patrol, Border Patrol Agent Staffing by Fiscal Year, via jacobkap/borderpatrol\"")
    w("  - \"Sector border lengths: approximate, from U.S. Border Patrol sector descriptions\"")
    w("  - \"Source regions and destinations: assumed shares loosely following the Mexican Migration Project (2000s)\"")
    w(f"periods: {WARM_UP_MONTHS + 12 * len(years)}")
    w("period_unit: month")
    w("replications: 8")
    w("seed: 2006")
    w("routing: { routes_per_pair: 9, max_stretch: 10 }")
    w("nodes:")
    places(w, "origin", ORIGINS)
    for sid, _, label, lat, lon, miles in SECTORS:
        w(f"  - {{ id: {sid}, label: \"{label}\", kind: crossing, cost: 5.0, base_detection: 0.02, area: {miles * MILES_TO_KM:.1f}, danger: {DANGER_START}, lat: {lat}, lon: {lon} }}")
    places(w, "destination", DESTINATIONS)
    edges(w, ORIGINS, [(sid, lat, lon) for sid, _, _, lat, lon, _ in SECTORS], DESTINATIONS)
    w("commodities:")
    w("  - { id: migrants, value: 10, penalty: 0.5, detectability: 1.0, danger_weight: 0, carries_people: true }")
    migrants(w, 10000, OD)
    agents_on_board(w, agents, WARM_UP_MONTHS)
    with open("sbi.yaml", "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
