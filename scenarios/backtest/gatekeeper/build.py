#!/usr/bin/env python3
"""Writes gatekeeper.yaml, the backtest scenario, from data/border_patrol_agents_fy1992_2000.csv and the
geography below. Run it from this folder after changing either: python3 build.py

Everything not in data/ is an assumption, stated here and in docs/backtest.md:
- where the sectors' main crossings are, and their border length (approximate, from U.S. Border Patrol
  sector descriptions) as the area the agents must cover;
- where migrants start (four source regions of Mexico) and where they go (four U.S. destinations), with
  shares loosely following the 1990s Mexican Migration Project and Census patterns;
- travel costs proportional to great-circle distance (1 utility unit per 1,000 km).
The sectors' own crossing costs, the effectiveness of agents and the logit temperature are left to the
calibration (calibration.yaml).

Operations of "prevention through deterrence" (OPERATIONS below) enter as events with a deterrence cost: from an
operation's first full month, crossing at its sector costs the routes through it more (docs/model.md, Deterrence
costs). The scenario writes a deterrence cost of 1 for each; the calibration fits one factor, `deterrence_cost`,
shared by all of them (utility units), so a fit of FY1992-1994 learns it from Hold the Line alone and applies it to
Gatekeeper."""
import csv
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from common import MILES_TO_KM, agents_on_board, edges, migrants, places  # noqa: E402 (the shared part, ../common.py)

SECTORS = [  # id, label, lat, lon of the main crossing, border miles, danger (deaths per crossing, illustrative)
    ("san_diego", "San Diego", 32.54, -117.03, 60, 0.0003),
    ("el_centro", "El Centro", 32.67, -115.50, 70, 0.0010),
    ("yuma", "Yuma", 32.49, -114.78, 126, 0.0010),
    ("tucson", "Tucson", 31.33, -110.94, 262, 0.0010),
    ("el_paso", "El Paso", 31.76, -106.45, 268, 0.0003),
    ("big_bend", "Big Bend (Marfa)", 29.56, -104.37, 510, 0.0010),
    ("del_rio", "Del Rio", 29.36, -100.90, 210, 0.0005),
    ("laredo", "Laredo", 27.51, -99.51, 171, 0.0005),
    ("rio_grande_valley", "Rio Grande Valley (McAllen)", 26.10, -98.26, 320, 0.0005),
]
ORIGINS = [  # id, label, lat, lon
    ("west_central", "West-central Mexico (Jalisco, Michoacan, Guanajuato)", 20.67, -103.35),
    ("north_central", "North-central Mexico (Zacatecas, Durango, Coahuila, Chihuahua)", 25.54, -103.41),
    ("northeast", "Northeast Mexico (Nuevo Leon, Tamaulipas, San Luis Potosi)", 25.69, -100.32),
    ("south_central", "South-central Mexico and beyond (Mexico City, Puebla, Guerrero, Oaxaca)", 19.43, -99.13),
]
DESTINATIONS = [
    ("california", "California (Los Angeles)", 34.05, -118.24),
    ("arizona", "Arizona (Phoenix)", 33.45, -112.07),
    ("texas", "Texas (Houston)", 29.76, -95.37),
    ("interior", "The interior (Chicago)", 41.88, -87.63),
]
OD = {  # percent of migrants by source region and destination (assumed)
    "west_central": {"california": 32, "interior": 10, "texas": 4, "arizona": 4},
    "north_central": {"california": 9, "texas": 5, "interior": 3, "arizona": 3},
    "northeast": {"texas": 7, "interior": 2, "california": 1},
    "south_central": {"california": 10, "texas": 4, "interior": 5, "arizona": 1},
}
# The operations that enter, by one rule decided before any fit with them: every operation of the Border Patrol's
# "prevention through deterrence" strategy that public sources of before FY1997 date to a sector and a month.
#  - Operation Hold the Line (first called Blockade), El Paso sector, from 19 September 1993: F. D. Bean et al.
#    (1994), "Illegal Mexican Migration and the United States/Mexico Border: The Effects of Operation Hold the Line
#    on El Paso/Juarez", U.S. Commission on Immigration Reform (July 1994).
#  - Operation Gatekeeper, San Diego sector, from 1 October 1994: announced by the INS in September 1994 and
#    described in U.S. General Accounting Office (1994), "Border Control: Revised Strategy Is Showing Some Positive
#    Results", GAO/GGD-95-30 (December 1994).
# Left out by the rule: Operation Safeguard (Tucson sector, Nogales). The project's data README dates it "1995 on",
# other accounts "late 1994", without a month; the INS's Border Patrol Strategic Plan: 1994 and Beyond (July 1994)
# names Tucson for its second phase, undated. Operations begun after FY1996 (Operation Rio Grande, McAllen, August
# 1997) were not public when the forecast was made and are left out too.
# An operation applies from its first full month: the start of the fiscal year in both cases (FY1994 and FY1995).
OPERATIONS = [  # sector, first full month as (fiscal year, month of the fiscal year, 1 = October), name
    ("el_paso", 1994, 1, "Operation Hold the Line, from 19 September 1993"),
    ("san_diego", 1995, 1, "Operation Gatekeeper, from 1 October 1994"),
]
WARM_UP_MONTHS = 12  # FY1991, with FY1992's agents, so beliefs settle before the first fitted year


def main():
    with open("data/border_patrol_agents_fy1992_2000.csv") as f:
        agents = {int(r["fiscal_year"]): {s[0]: int(r[s[0]]) for s in SECTORS} for r in csv.DictReader(f)}
    years = sorted(agents)
    out = []
    w = out.append
    w("# Operation Gatekeeper backtest: the southwest border's nine Border Patrol sectors, FY1992-2000, monthly.")
    w("# GENERATED by build.py from data/border_patrol_agents_fy1992_2000.csv; edit build.py, not this file.")
    w("# Periods 0-11 are a warm-up year (FY1991) with FY1992's agents; FY y covers periods 12*(y-1991) to 12*(y-1991)+11.")
    w("# Agents on board per sector are the enforcement, changed at the start of each fiscal year. The sectors'")
    w("# crossing costs, effectiveness and temperature here are starting values: calibration.yaml fits them to")
    w("# FY1992-1996 apprehensions and predicts FY1997-2000 from the agents and the two dated operations.")
    w("name: Southwest border sectors FY1992-2000 (Gatekeeper backtest)")
    w("description: >")
    w("  Migrants from four regions of Mexico choose among the nine Border Patrol sectors of the southwest border on")
    w("  their way to four U.S. destinations; agents on board per sector (real staffing, FY1992-2000) set the chance")
    w("  of apprehension per crossing attempt; apprehended migrants try again the next month.")
    w("sources:")
    w("  - \"U.S. Border Patrol, Border Patrol Agent Staffing by Fiscal Year (FY1992-FY2018), via jacobkap/borderpatrol\"")
    w("  - \"Sector border lengths: approximate, from U.S. Border Patrol sector descriptions\"")
    w("  - \"Source regions and destinations: assumed shares loosely following the Mexican Migration Project (1990s)\"")
    w(f"periods: {WARM_UP_MONTHS + 12 * len(years)}")
    w("period_unit: month")
    w("replications: 8")
    w("seed: 1994")
    w("routing: { routes_per_pair: 9, max_stretch: 10 }")
    w("nodes:")
    places(w, "origin", ORIGINS)
    for sid, label, lat, lon, miles, danger in SECTORS:
        w(f"  - {{ id: {sid}, label: \"{label}\", kind: crossing, cost: 1.0, base_detection: 0.02, area: {miles * MILES_TO_KM:.1f}, danger: {danger}, lat: {lat}, lon: {lon} }}")
    places(w, "destination", DESTINATIONS)
    edges(w, ORIGINS, [(sid, lat, lon) for sid, _, lat, lon, _, _ in SECTORS], DESTINATIONS)
    w("commodities:")
    w("  - { id: migrants, value: 10, penalty: 0.5, detectability: 1.0, danger_weight: 1.0, carries_people: true }")
    migrants(w, 20000, OD)
    agents_on_board(w, agents, WARM_UP_MONTHS)
    w("    # Operations of prevention through deterrence (build.py, OPERATIONS): a deterrence cost of 1 utility unit")
    w("    # each, scaled by the calibration's one fitted factor `deterrence_cost`.")
    for sector, fy, month, name in OPERATIONS:
        period = WARM_UP_MONTHS + 12 * (fy - years[0]) + month - 1
        w(f"    - {{ period: {period}, deterrence_cost: {{ {sector}: 1 }} }}   # {name}")
    with open("gatekeeper.yaml", "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
