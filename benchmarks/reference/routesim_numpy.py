#!/usr/bin/env python3
"""An independent NumPy implementation of docs/model.md, sections 1-7, for speed and agreement checks.

Written from the model text, not from the C# engine: its own random numbers (NumPy's PCG64, one stream per
replication), the walk drawn node by node as section 4 says (one draw per node, not the engine's one draw per
trip), counts kept directly. Routes are taken from a RouteSim run's route_catalog.csv (route enumeration is
tested on its own against brute force); costs and dangers are recomputed here from the scenario.

    routesim_numpy.py SCENARIO.yaml ROUTE_CATALOG.csv [--replications N] [--seed S] [--out TOTALS.csv]

Writes one row per replication and quantity: totals over all periods of each location's traversals,
interdictions and deaths by commodity, and of each organization's acting agents, abstentions, attempts,
successes, interdictions and deaths (what routesim writes to summary_totals.csv, per replication). Prints the
agent decisions per second (one decision = one acting agent in one period).
"""

import argparse
import csv
import math
import sys
import time

import numpy as np
import yaml

ORG_METRICS = ["acting", "abstentions", "attempts", "successes", "interdictions", "deaths"]
LOCATION_METRICS = ["traversals", "interdictions", "deaths"]


class Model:
    """The scenario as arrays: nodes by index, and per organization its od pairs' routes."""

    def __init__(self, scenario, catalog_rows):
        self.periods = scenario["periods"]
        self.nodes = [n["id"] for n in scenario["nodes"]]
        index = {n: i for i, n in enumerate(self.nodes)}
        self.index = index
        nodes = scenario["nodes"]
        self.cost = np.array([n.get("cost", 0.0) for n in nodes], dtype=float)
        self.base = np.array([n.get("base_detection", 0.0) for n in nodes], dtype=float)
        self.area = np.array([n.get("area", 1.0) for n in nodes], dtype=float)
        self.danger = np.array([n.get("danger", 0.0) for n in nodes], dtype=float)
        self.prior = np.array([n.get("prior", n.get("base_detection", 0.0)) for n in nodes], dtype=float)
        edge_cost = {(e["from"], e["to"]): float(e["cost"]) for e in scenario["edges"]}

        self.commodities = scenario["commodities"]
        commodity_index = {c["id"]: k for k, c in enumerate(self.commodities)}

        routes_by_pair = {}
        for row in catalog_rows:
            path = row["path"].split(">")
            routes_by_pair.setdefault((row["organization"], row["origin"], row["destination"]), []).append(path)

        self.organizations = []
        for org in scenario["organizations"]:
            pairs = []
            for od in org["od"]:
                paths = routes_by_pair.get((org["id"], od["origin"], od["destination"]), [])
                routes = []
                for path in paths:
                    ids = np.array([index[n] for n in path])
                    cost = self.cost[ids].sum() + sum(edge_cost[(a, b)] for a, b in zip(path, path[1:]))
                    danger = 1 - np.prod(1 - self.danger[ids])
                    routes.append((ids, cost, danger))
                pairs.append((float(od.get("weight", 1.0)), routes))
            self.organizations.append((org, commodity_index[org["commodity"]], pairs))

        enforcement = scenario["enforcement"]
        self.effectiveness = float(enforcement["effectiveness"])
        self.allocation = np.zeros(len(self.nodes))
        for node, amount in (enforcement.get("allocation") or {}).items():
            self.allocation[index[node]] = amount
        self.events = enforcement.get("events") or []
        self.adaptive = enforcement.get("adaptive")
        if self.adaptive is not None:
            eligible = self.adaptive.get("locations")
            if not eligible:
                eligible = [n["id"] for n in nodes if n["kind"] == "crossing"]
            self.eligible = np.array([index[n] for n in eligible])


def adapt(resources, recent, policy, eligible):
    """docs/model.md section 6."""
    phi, floor = policy["fraction"], policy.get("floor", 0.0)
    total = resources[eligible].sum()
    weights = recent[eligible] + 1.0
    moved = (1 - phi) * resources[eligible] + phi * total * weights / weights.sum()
    below = moved < floor
    if below.any():
        lifted = floor * below.sum()
        rest = moved[~below].sum()
        scale = max(0.0, total - lifted) / rest if rest > 0 else 0.0
        moved = np.where(below, floor, moved * scale)
    resources[eligible] = moved


def replicate(model, seed, replication):
    """One replication; returns (location totals [L, K, 3], organization totals [G, 6], decisions)."""
    rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, replication])))
    L, K, G = len(model.nodes), len(model.commodities), len(model.organizations)
    location_totals = np.zeros((L, K, 3), dtype=np.int64)
    org_totals = np.zeros((G, 6), dtype=np.int64)
    interdictions_by_period = np.zeros((model.periods, L), dtype=np.int64)

    # Set-up: od pair by weight, rho = exp(sigma z).
    agents = []
    for org, _, pairs in model.organizations:
        n = org["agents"]
        weights = np.array([w for w, _ in pairs])
        od = rng.choice(len(pairs), size=n, p=weights / weights.sum())
        sigma = org["risk_sigma"]
        rho = np.exp(sigma * rng.standard_normal(n)) if sigma > 0 else np.ones(n)
        agents.append({"od": od, "rho": rho, "free_at": np.zeros(n, dtype=np.int64)})

    traversal_memory = np.zeros((G, L))
    interdiction_memory = np.zeros((G, L))
    resources = model.allocation.copy()
    deterrence = np.zeros(L)  # docs/model.md section 9: deterrence costs added so far, by location
    effectiveness = model.effectiveness
    decisions = 0

    for t in range(model.periods):
        for event in model.events:
            if event["period"] != t:
                continue
            for node, level in (event.get("set") or {}).items():
                resources[model.index[node]] = level
            for node, amount in (event.get("add") or {}).items():
                resources[model.index[node]] = max(0.0, resources[model.index[node]] + amount)
            if "effectiveness" in event:
                effectiveness = event["effectiveness"]
            for node, extra in (event.get("deterrence_cost") or {}).items():
                deterrence[model.index[node]] += extra
        if model.adaptive is not None and t > 0 and t % model.adaptive["every"] == 0:
            recent = interdictions_by_period[max(0, t - model.adaptive["every"]):t].sum(axis=0).astype(float)
            adapt(resources, recent, model.adaptive, model.eligible)

        detection = np.empty((K, L))
        for k, commodity in enumerate(model.commodities):
            detection[k] = 1 - (1 - model.base) * np.exp(-effectiveness * commodity["detectability"] * resources / model.area)

        traversals = np.zeros((G, L), dtype=np.int64)
        interdicted_at = np.zeros((G, L), dtype=np.int64)
        for g, (org, k, pairs) in enumerate(model.organizations):
            commodity = model.commodities[k]
            state = agents[g]
            acting = np.flatnonzero((state["free_at"] <= t) & (rng.random(len(state["od"])) < org["activity"]))
            decisions += acting.size
            org_totals[g, 0] += acting.size
            belief = (interdiction_memory[g] + org["prior_strength"] * model.prior) / (traversal_memory[g] + org["prior_strength"])
            V, F, omega, tau = commodity["value"], commodity["penalty"], commodity["danger_weight"], org["temperature"]
            p, d = detection[k], (model.danger if commodity["carries_people"] else np.zeros(L))
            new_free = np.full(acting.size, t + 1, dtype=np.int64)
            od_of_acting = state["od"][acting]
            for w, (_, routes) in enumerate(pairs):
                members = np.flatnonzero(od_of_acting == w)
                if members.size == 0:
                    continue
                survival = np.array([np.prod(1 - belief[ids]) for ids, _, _ in routes])
                cost = np.array([c + deterrence[ids].sum() for ids, c, _ in routes])
                danger = np.array([dr for _, _, dr in routes])
                rho = state["rho"][acting[members]]
                utility = np.zeros((members.size, len(routes) + 1))
                utility[:, 1:] = V * survival - rho[:, None] * F * (1 - survival) - cost - omega * V * danger
                utility -= utility.max(axis=1, keepdims=True)
                cumulative = np.cumsum(np.exp(utility / tau), axis=1)
                u = rng.random(members.size) * cumulative[:, -1]
                option = (cumulative <= u[:, None]).sum(axis=1)  # 0: abstain, r + 1: route r
                org_totals[g, 1] += int((option == 0).sum())
                for r, (ids, _, _) in enumerate(routes):
                    trips = members[option == r + 1]  # positions in `acting`
                    if trips.size == 0:
                        continue
                    org_totals[g, 2] += trips.size
                    alive = trips
                    for l in ids:  # the walk, node by node
                        traversals[g, l] += alive.size
                        caught = rng.random(alive.size) < p[l]
                        interdicted_at[g, l] += int(caught.sum())
                        location_totals[l, k, 1] += int(caught.sum())
                        new_free[alive[caught]] = t + 1 + org["incapacitation"]
                        alive = alive[~caught]
                        if d[l] > 0:
                            died = rng.random(alive.size) < d[l]
                            location_totals[l, k, 2] += int(died.sum())
                            org_totals[g, 5] += int(died.sum())
                            alive = alive[~died]
                    org_totals[g, 3] += alive.size
            state["free_at"][acting] = new_free
            org_totals[g, 4] += int(interdicted_at[g].sum())
            location_totals[:, k, 0] += traversals[g]
            interdictions_by_period[t] += interdicted_at[g]

        for g, (org, _, _) in enumerate(model.organizations):
            gamma = org["memory"]
            traversal_memory[g] = gamma * traversal_memory[g] + traversals[g]
            interdiction_memory[g] = gamma * interdiction_memory[g] + interdicted_at[g]

    return location_totals, org_totals, decisions


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenario")
    parser.add_argument("catalog", help="route_catalog.csv of a routesim run of the same scenario")
    parser.add_argument("--replications", type=int)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--periods", type=int, help="override the scenario's number of periods")
    parser.add_argument("--out")
    args = parser.parse_args()

    with open(args.scenario, encoding="utf-8") as f:
        scenario = yaml.safe_load(f)
    if args.periods:
        scenario["periods"] = args.periods
    with open(args.catalog, encoding="utf-8", newline="") as f:
        catalog = list(csv.DictReader(f))
    model = Model(scenario, catalog)
    replications = args.replications or scenario["replications"]
    seed = scenario["seed"] if args.seed is None else args.seed

    rows, decisions = [], 0
    started = time.perf_counter()
    for rep in range(replications):
        locations, orgs, made = replicate(model, seed, rep)
        decisions += made
        for l, node in enumerate(model.nodes):
            for k, commodity in enumerate(model.commodities):
                for m, metric in enumerate(LOCATION_METRICS):
                    rows.append((rep, "locations", node, commodity["id"], metric, int(locations[l, k, m])))
        for g, (org, k, _) in enumerate(model.organizations):
            for m, metric in enumerate(ORG_METRICS):
                rows.append((rep, "organizations", org["id"], model.commodities[k]["id"], metric, int(orgs[g, m])))
    seconds = time.perf_counter() - started

    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["replication", "table", "key", "commodity", "metric", "total"])
            writer.writerows(rows)
    print(f"numpy: {decisions} decisions in {seconds:.2f} s: {decisions / seconds / 1e6:.2f} M decisions/s "
          f"({replications} replications, numpy {np.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
