"""What the backtests' build.py scripts share: great-circle travel costs and the parts of a scenario file that
both write the same way (origins, destinations, edges, the migrants' organization, the agents' yearly events).
Each build.py keeps its own data, assumptions and the lines that differ."""
import math

COST_PER_1000_KM = 1.0
MILES_TO_KM = 1.609344


def km(a, b):
    """Great-circle distance in km between two (lat, lon) points, on a sphere of radius 6,371 km."""
    (lat1, lon1), (lat2, lon2) = a, b
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    c = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))


def places(w, kind, rows):
    """Origin or destination nodes from (id, label, lat, lon) rows."""
    for pid, label, lat, lon in rows:
        w(f"  - {{ id: {pid}, label: \"{label}\", kind: {kind}, lat: {lat}, lon: {lon} }}")


def edges(w, origins, crossings, destinations):
    """Every origin to every crossing and every crossing to every destination, costing 1 utility unit per
    1,000 km of great-circle distance. origins and destinations are (id, label, lat, lon) rows, crossings
    (id, lat, lon) triples."""
    w("edges:")
    for oid, _, olat, olon in origins:
        for sid, slat, slon in crossings:
            w(f"  - {{ from: {oid}, to: {sid}, cost: {COST_PER_1000_KM * km((olat, olon), (slat, slon)) / 1000:.3f} }}")
    for sid, slat, slon in crossings:
        for did, _, dlat, dlon in destinations:
            w(f"  - {{ from: {sid}, to: {did}, cost: {COST_PER_1000_KM * km((slat, slon), (dlat, dlon)) / 1000:.3f} }}")


def migrants(w, agents, od):
    """The one organization of migrants, its od weights (percent by origin and destination) and behaviour."""
    w("organizations:")
    w("  - id: migrants")
    w("    commodity: migrants")
    w(f"    agents: {agents}")
    w("    od:")
    for oid, dests in od.items():
        for did, pct in dests.items():
            w(f"      - {{ origin: {oid}, destination: {did}, weight: {pct} }}")
    w("    temperature: 1.0")
    w("    memory: 0.8")
    w("    prior_strength: 50")
    w("    risk_sigma: 0.5")
    w("    incapacitation: 0")
    w("    activity: 0.5")


def agents_on_board(w, agents, warm_up_months):
    """The enforcement block: the first year's agents as the allocation, each later year's set at the start of
    its fiscal year (agents: {fiscal year: {sector id: agents}}). The events list stays open for more events."""
    years = sorted(agents)
    w("enforcement:")
    w("  effectiveness: 0.02")
    first = agents[years[0]]
    w("  allocation: { " + ", ".join(f"{s}: {first[s]}" for s in first) + " }")
    w("  events:")
    for y in years[1:]:
        period = warm_up_months + 12 * (y - years[0])
        w(f"    - {{ period: {period}, set: {{ " + ", ".join(f"{s}: {agents[y][s]}" for s in agents[y]) + " } }" + f"   # FY{y}")
