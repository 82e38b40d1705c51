"""Lays out scenarios/north-america-2025/*.yaml: nodes, great-circle edge costs and the troop split.

The YAML files are the scenarios; this script records how their layout and figures were computed, so a change
(a new locality, another split rule) can be made once for all four files. Run from anywhere:

    python3 scenarios/north-america-2025/layout.py [CANADA_LEG_COST]

The Canada leg cost (default 6.5) was calibrated to about 43 lb of fentanyl seized a year at the northern border.
"""
import sys, math, os
OUT = os.path.dirname(os.path.abspath(__file__)) + "/"

# Municipality: id, label, state, port (lat, lon, US port name), stretch label, stretch km, danger, US hub
MUNI = [
 ("TIJ","Tijuana","BC",(32.543,-117.035,"San Ysidro"),"Tijuana-Otay hills",25,0.0004,"SAN_DIEGO"),
 ("TEC","Tecate","BC",(32.576,-116.627,"Tecate"),"Tecate town line",20,0.0010,"SAN_DIEGO"),
 ("MXL","Mexicali","BC",(32.675,-115.484,"Calexico East"),"Mexicali-Calexico valley",50,0.0015,"EL_CENTRO"),
 ("SLR","San Luis Rio Colorado","SON",(32.487,-114.782,"San Luis"),"Colorado River at San Luis",40,0.0020,"YUMA"),
 ("SOY","Sonoyta","SON",(31.880,-112.817,"Lukeville"),"Sonoyta-Lukeville line",30,0.0040,"TUCSON"),
 ("SAS","Sasabe","SON",(31.483,-111.543,"Sasabe"),"Sasabe line (Altar Valley)",40,0.0040,"TUCSON"),
 ("NOG","Nogales","SON",(31.333,-110.945,"Nogales DeConcini"),"Santa Cruz County hills",50,0.0015,"TUCSON"),
 ("NAC","Naco","SON",(31.334,-109.948,"Naco"),"San Pedro Valley",40,0.0020,"TUCSON"),
 ("AGP","Agua Prieta","SON",(31.334,-109.560,"Douglas"),"Douglas-Agua Prieta line",40,0.0025,"TUCSON"),
 ("PAL","Puerto Palomas","CHIH",(31.784,-107.635,"Columbus"),"Columbus-Palomas desert",40,0.0030,"EL_PASO"),
 ("CJS","Ciudad Juarez","CHIH",(31.764,-106.451,"El Paso BOTA"),"Juarez-El Paso river and fence",40,0.0008,"EL_PASO"),
 ("OJI","Ojinaga","CHIH",(29.562,-104.406,"Presidio"),"Rio Grande at Presidio",50,0.0030,"BIG_BEND"),
 ("ACU","Ciudad Acuna","COAH",(29.326,-100.928,"Del Rio"),"Rio Grande at Del Rio",60,0.0030,"DEL_RIO"),
 ("PNE","Piedras Negras","COAH",(28.709,-100.500,"Eagle Pass"),"Rio Grande at Eagle Pass",60,0.0035,"DEL_RIO"),
 ("COL","Colombia","NL",(27.699,-99.756,"Laredo Colombia Bridge"),"Rio Grande west of Laredo",20,0.0025,"LAREDO_WEST"),
 ("NLD","Nuevo Laredo","TAMPS",(27.500,-99.507,"Laredo"),"Rio Grande at Laredo",50,0.0025,"LAREDO"),
 ("MIE","Ciudad Mier","TAMPS",(26.403,-99.019,"Roma"),"Rio Grande at Roma",40,0.0030,"RGV"),
 ("REY","Reynosa","TAMPS",(26.095,-98.271,"Hidalgo"),"Rio Grande Valley river",70,0.0030,"RGV"),
 ("MAT","Matamoros","TAMPS",(25.902,-97.497,"Brownsville"),"Rio Grande delta",60,0.0025,"RGV"),
]
# The unreinforced border: remote stretches between and beyond the 19 localities, where the Guard was not sent.
# id, label, Mexican staging state, (lat, lon) of a point on the stretch, km of front, danger, U.S. hub.
# Fronts: approximate lengths of the stretch between the neighbouring localities' lines, after the Border Patrol
# sector descriptions (San Diego, El Centro, Yuma, Tucson, El Paso, Big Bend, Del Rio, Laredo, Rio Grande Valley)
# and the land managers' own figures (Tohono O'odham Nation about 100 km of border; Cabeza Prieta, Organ Pipe and
# the Goldwater range about 150 km; Big Bend National Park and the Lower Canyons about 400 km of river).
# Danger: ASSUMPTION, ranked after Eschbach et al. (1999, deaths by terrain: heat in the Sonoran desert,
# hypothermia in the eastern San Diego mountains, drowning in the All-American Canal and the Rio Grande) and
# GAO-06-770 (2006: after 1998 most deaths in the Tucson sector's deserts): the open desert of Arizona deadliest.
REMOTE = [
 ("JAC","Jacumba and Tecate mountains","BC",(32.62,-116.20),60,0.0080,"SAN_DIEGO"),
 ("ALG","Algodones dunes and All-American Canal","BC",(32.72,-114.98),50,0.0080,"EL_CENTRO"),
 ("GOL","Western Sonoran desert (Cabeza Prieta, Goldwater range)","SON",(32.10,-113.60),150,0.0120,"YUMA"),
 ("TON","Tohono O'odham Nation desert","SON",(31.70,-112.10),100,0.0120,"TUCSON"),
 ("BOO","New Mexico bootheel","CHIH",(31.33,-108.55),150,0.0070,"EL_PASO"),
 ("HUD","Hudspeth County river and desert","CHIH",(30.80,-105.60),200,0.0060,"EL_PASO"),
 ("BBN","Big Bend and the Lower Canyons","COAH",(29.20,-102.70),400,0.0080,"BIG_BEND"),
 ("BRU","Rio Grande brush country, Eagle Pass to Laredo","COAH",(28.20,-100.20),120,0.0060,"LAREDO"),
 ("ZAP","Zapata and Starr counties river","TAMPS",(26.95,-99.35),110,0.0060,"RGV"),
]
STATE_TROOPS = {"BC":3010,"CHIH":2620,"SON":1987,"COAH":1017,"TAMPS":743,"NL":623}
CITY_TROOPS = {"TIJ":1949,"CJS":1650,"SLR":400,"NOG":400,"SOY":200,"NAC":200,"AGP":200,"SAS":100}
MX_HUBS = {"BC":("Baja California staging (Tijuana-Mexicali corridor)",32.40,-116.20),
           "SON":("Sonora staging (Hermosillo-Caborca)",30.40,-111.50),
           "CHIH":("Chihuahua staging (Chihuahua city)",28.63,-106.07),
           "COAH":("Coahuila staging (Monclova-Sabinas)",27.40,-101.20),
           "NL":("Nuevo Leon staging (Monterrey)",25.69,-100.32),
           "TAMPS":("Tamaulipas staging (Reynosa-Matamoros)",25.80,-98.30)}
US_HUBS = {"SAN_DIEGO":("San Diego",32.72,-117.16),"EL_CENTRO":("El Centro",32.79,-115.56),"YUMA":("Yuma",32.69,-114.62),
           "TUCSON":("Tucson",32.22,-110.97),"EL_PASO":("El Paso",31.76,-106.49),"BIG_BEND":("Big Bend (Alpine)",30.36,-103.66),
           "DEL_RIO":("Del Rio-Eagle Pass",29.10,-100.70),"LAREDO":("Laredo",27.53,-99.49),"LAREDO_WEST":("Laredo west (Colombia bridge road)",27.60,-99.62),"RGV":("McAllen-Brownsville",26.20,-98.23)}
US_MARKETS = {"LOS_ANGELES":("Los Angeles market",34.05,-118.24),"PHOENIX":("Phoenix market",33.45,-112.07),
              "DALLAS":("Dallas market",32.78,-96.80),"HOUSTON":("Houston market",29.76,-95.37),
              "CHICAGO":("Chicago and the Midwest",41.88,-87.63)}
# US hub -> markets it feeds (road distance order of magnitude, cost per 100 km = 0.1)
FEEDS = {"SAN_DIEGO":["LOS_ANGELES","PHOENIX"],"EL_CENTRO":["LOS_ANGELES","PHOENIX"],"YUMA":["PHOENIX","LOS_ANGELES"],
         "TUCSON":["PHOENIX","LOS_ANGELES","DALLAS"],"EL_PASO":["PHOENIX","DALLAS","CHICAGO"],"BIG_BEND":["DALLAS"],
         "DEL_RIO":["DALLAS","HOUSTON"],"LAREDO":["DALLAS","HOUSTON","CHICAGO"],"LAREDO_WEST":["DALLAS","HOUSTON","CHICAGO"],"RGV":["HOUSTON","DALLAS"]}

def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2-la1)/2)**2 + math.cos(la1)*math.cos(la2)*math.sin((lo2-lo1)/2)**2
    return 6371 * 2 * math.asin(math.sqrt(h))

def cost(a, b):  # utility units per route leg: 0.1 per 100 km, at least 0.05
    return max(0.05, round(km(a, b) / 1000, 2))

def troops():
    out = {}
    for st, total in STATE_TROOPS.items():
        munis = [m[0] for m in MUNI if m[2] == st]
        known = {m: CITY_TROOPS[m] for m in munis if m in CITY_TROOPS}
        rest = total - sum(known.values())
        unknown = [m for m in munis if m not in known]
        if unknown:
            for m in munis: out[m] = known.get(m, rest / len(unknown))
        else:
            f = total / sum(known.values())
            for m in munis: out[m] = known[m] * f
    return out

def generate(with_canada, deployment, canada_measures, name, description):
    L = []
    w = L.append
    pos = {}
    w(f"# {name}")
    w("# Laid out by layout.py beside this file (distances, troop split); every figure's source or status is given beside it.")
    w("# Sources: data/README.md beside this file (deployment by state and city, localities, ports of entry")
    w("# and their coordinates, fentanyl seizures FY2024); other places sit at the named town; a stretch between ports sits")
    w("# a little east of its port (approximate: a point on the stretch, for maps).")
    w("# Assumptions are marked ASSUMPTION; calibrated values CALIBRATED (see docs/scenarios.md for how).")
    w(f"name: {name}")
    w("description: >")
    for line in description: w("  " + line)
    w("sources:")
    w('  - "Mexico National Guard deployment, Feb 3-4 2025 (soylagunanoticias.com, centralmunicipal.mx, The Epoch Times, Feb 2025; figures in scenarios/north-america-2025/data/README.md)"')
    w('  - "U.S. fentanyl seizures FY2024, 21,148 lb southwest border, 43 lb northern border, over 90% at ports of entry (figures in scenarios/north-america-2025/data/README.md)"')
    w('  - "Unreinforced remote stretches: U.S. Border Patrol sector descriptions (fronts); Eschbach, Hagan, Rodriguez, Hernandez-Leon and Bailey (1999), Death at the border, International Migration Review 33(2); GAO-06-770 (2006), Illegal immigration: border-crossing deaths have doubled since 1995"')
    if with_canada: w('  - "Canada-U.S. agreement of Feb 3-4 2025 (fentanyl czar, joint strike force; figures in scenarios/north-america-2025/data/README.md)"')
    w("periods: 365            # days of 2025; period 0 = January 1, period 34 = February 4")
    w("start_date: 2025-01-01")
    w("period_unit: day")
    w("replications: 20")
    w("seed: 2025")
    if with_canada:
        w("routing: { routes_per_pair: 32, max_stretch: 3.0 }  # 32 so the routes through Canada and the remote stretches are among the candidates")
    else:
        w("routing: { routes_per_pair: 24, max_stretch: 3.0 }  # 24, not the reference model's 8: with 47 crossings, 8 would leave")
        w("                                                    # fentanyl no route between ports and migrants none through the remote desert")
    w("")
    w("nodes:")
    w("  # Origins. Fentanyl: Sinaloa and Jalisco, where the two largest cartels produce it. Migrants: Tapachula (entry")
    w("  # from Central America) and Mexico City. ASSUMPTION: one origin point per region.")
    origins = {"SINALOA":("Culiacan, Sinaloa (fentanyl)",24.80,-107.39),"JALISCO":("Guadalajara, Jalisco (fentanyl)",20.67,-103.35),
               "TAPACHULA":("Tapachula, Chiapas (migrants from Central America)",14.90,-92.26),"CDMX":("Mexico City (migrants)",19.43,-99.13),
               "GUNS_PHOENIX":("Phoenix gun market (firearms southbound)",33.45,-112.07),"GUNS_HOUSTON":("Houston gun market (firearms southbound)",29.76,-95.37)}
    for k,(lab,la,lo) in origins.items():
        w(f"  - {{ id: {k}, kind: origin, label: \"{lab}\", lat: {la}, lon: {lo} }}"); pos[k]=(la,lo)
    w("  # Staging areas on the Mexican side, one per border state (transit).")
    for k,(lab,la,lo) in MX_HUBS.items():
        w(f"  - {{ id: MX_{k}, kind: transit, label: \"{lab}\", lat: {la}, lon: {lo} }}"); pos["MX_"+k]=(la,lo)
    w("  # Migrants without papers gather at separate staging points and cross between ports: the network gives them")
    w("  # no way to a port (ASSUMPTION: in the model a node has one detection for every commodity).")
    for k,(lab,la,lo) in MX_HUBS.items():
        w(f"  - {{ id: MX_{k}_FOOT, kind: transit, label: \"{lab.split(' (')[0]}, migrant staging\", lat: {round(la+0.1,2)}, lon: {round(lo+0.1,2)} }}"); pos["MX_"+k+"_FOOT"]=(la+0.1,lo+0.1)
    w("  # Where southbound guns are received in each border state (transit): kept apart from the northbound staging")
    w("  # areas so that no route crosses the border twice.")
    for k,(lab,la,lo) in MX_HUBS.items():
        w(f"  - {{ id: MX_{k}_ARMS, kind: transit, label: \"{lab.split(' (')[0]}, firearms reception\", lat: {round(la-0.1,2)}, lon: {round(lo-0.1,2)} }}"); pos["MX_"+k+"_ARMS"]=(la-0.1,lo-0.1)
    w("  # The 19 border localities named in reporting, each as a port of entry and the stretch of border beside it.")
    w("  # Southbound inspection points (Mexican customs) are crossings of their own, so no route zigzags across the")
    w("  # border; base_detection 0.03 (ASSUMPTION: lighter than northbound).")
    w("  # Ports: cost 0.3 (queues, documents), base_detection 0.06 (ASSUMPTION, CALIBRATED to seizures), area 100")
    w("  # (ASSUMPTION: inspection capacity units, so troops at a port add little detection per head).")
    w("  # Stretches: cost 1.0 + 0.004 per km of front (walking, guides), base_detection 0.004 (CALIBRATED: under 10% of")
    w("  # fentanyl seized between ports), area = km of front (ASSUMPTION, order of magnitude), danger per crossing")
    w("  # (ASSUMPTION: higher in remote desert and river stretches, after Eschbach et al. 1999).")
    for (mid,lab,st,(la,lo,usport),slab,skm,dng,ushub) in MUNI:
        w(f"  - {{ id: {mid}_PORT, kind: crossing, label: \"{lab} / {usport} port\", cost: 0.3, base_detection: 0.06, area: 100, lat: {la}, lon: {lo} }}")
        sla, slo = la + 0.05, lo + (0.25 if mid not in ("MAT",) else -0.0)
        w(f"  - {{ id: {mid}_LINE, kind: crossing, label: \"{slab}\", cost: {round(1.0 + 0.004*skm,2)}, base_detection: 0.004, area: {skm}, danger: {dng}, lat: {round(sla,3)}, lon: {round(slo,3)} }}")
        pos[mid+"_PORT"]=(la,lo); pos[mid+"_LINE"]=(sla,slo)
        if mid != "COL":
            w(f"  - {{ id: {mid}_SOUTH, kind: crossing, label: \"{lab} southbound inspection\", cost: 0.3, base_detection: 0.03, area: 100, lat: {round(la-0.03,3)}, lon: {round(lo-0.03,3)} }}")
            pos[mid+"_SOUTH"]=(la-0.03,lo-0.03)
    w("  # The unreinforced border: remote stretches between and beyond the localities, which the Guard did not")
    w("  # reach (as reported, it went to 18 cities and towns). Cost 1.6 + 0.002 per km of front (ASSUMPTION: a")
    w("  # multi-day trek with a guide; a trek crosses the front once, so its length adds less than in town),")
    w("  # base_detection 0.002 (ASSUMPTION: half the towns' lines; fewer agents, sensors and roads per km),")
    w("  # area = km of front, danger ASSUMPTION after Eschbach et al. (1999) and GAO-06-770 (see layout.py).")
    for (rid,lab,st,(la,lo),skm,dng,ushub) in REMOTE:
        w(f"  - {{ id: {rid}_REMOTE, kind: crossing, label: \"{lab}\", cost: {round(1.6 + 0.002*skm,2)}, base_detection: 0.002, area: {skm}, danger: {dng}, lat: {la}, lon: {lo} }}")
        pos[rid+"_REMOTE"]=(la,lo)
    w("  # U.S.-side hubs near the border (transit) and destination markets.")
    for k,(lab,la,lo) in US_HUBS.items():
        w(f"  - {{ id: US_{k}, kind: transit, label: \"{lab}\", lat: {la}, lon: {lo} }}"); pos["US_"+k]=(la,lo)
    for k,(lab,la,lo) in US_MARKETS.items():
        w(f"  - {{ id: {k}, kind: destination, label: \"{lab}\", lat: {la}, lon: {lo} }}"); pos[k]=(la,lo)
    w("  # Firearms destinations: cartel strongholds receiving southbound guns.")
    for k,(lab,la,lo) in {"ARMS_SINALOA":("Sinaloa (firearms received)",24.80,-107.39),"ARMS_TAMAULIPAS":("Tamaulipas (firearms received)",25.87,-97.50)}.items():
        w(f"  - {{ id: {k}, kind: destination, label: \"{lab}\", lat: {la}, lon: {lo} }}"); pos[k]=(la,lo)
    if with_canada:
        w("  # Canada: fentanyl reaching Canadian hubs (by sea and air, ASSUMPTION) and crossing the northern border.")
        for k,(lab,la,lo) in {"CA_VANCOUVER":("Vancouver",49.28,-123.12),"CA_WINNIPEG":("Winnipeg",49.90,-97.14),"CA_TORONTO":("Toronto",43.65,-79.38),"CA_MONTREAL":("Montreal",45.50,-73.57)}.items():
            w(f"  - {{ id: {k}, kind: transit, label: \"{lab}\", lat: {la}, lon: {lo} }}"); pos[k]=(la,lo)
        NORTH = [("BLA","Blaine (Pacific Highway)",49.002,-122.757,"CA_VANCOUVER","US_SEATTLE",60),
                 ("PEM","Pembina",48.999,-97.239,"CA_WINNIPEG","US_MINNEAPOLIS",300),
                 ("DET","Detroit (Ambassador Bridge)",42.312,-83.074,"CA_TORONTO","US_DETROIT",40),
                 ("BUF","Buffalo (Peace Bridge)",42.907,-78.905,"CA_TORONTO","US_BUFFALO",60),
                 ("CHA","Champlain",45.009,-73.452,"CA_MONTREAL","US_PLATTSBURGH",150)]
        w("  # Northern crossings: ports base_detection 0.06 like the south (ASSUMPTION); the land between them is long,")
        w("  # little watched and not deadly in the model (danger 0; winter risk is not modelled).")
        for (nid,lab,la,lo,ca,us,skm) in NORTH:
            w(f"  - {{ id: {nid}_PORT, kind: crossing, label: \"{lab} port\", cost: 0.3, base_detection: 0.06, area: 100, lat: {la}, lon: {lo} }}")
            w(f"  - {{ id: {nid}_LINE, kind: crossing, label: \"{lab} border line\", cost: {round(1.0+0.004*skm,2)}, base_detection: 0.004, area: {skm}, lat: {round(la+0.02,3)}, lon: {round(lo+0.3,3)} }}")
            pos[nid+"_PORT"]=(la,lo); pos[nid+"_LINE"]=(la+0.02,lo+0.3)
        for k,(lab,la,lo) in {"US_SEATTLE":("Seattle",47.61,-122.33),"US_MINNEAPOLIS":("Minneapolis",44.98,-93.27),"US_DETROIT":("Detroit",42.33,-83.05),"US_BUFFALO":("Buffalo",42.89,-78.88),"US_PLATTSBURGH":("Plattsburgh",44.70,-73.45)}.items():
            w(f"  - {{ id: {k}, kind: transit, label: \"{lab}\", lat: {la}, lon: {lo} }}"); pos[k]=(la,lo)
        w(f"  - {{ id: NEW_YORK, kind: destination, label: \"New York market\", lat: 40.71, lon: -74.01 }}"); pos["NEW_YORK"]=(40.71,-74.01)
    w("")
    w("# Edge costs: 0.1 utility per 100 km of great-circle distance (ASSUMPTION), at least 0.05.")
    w("edges:")
    def e(a,b,extra=0.0, note=""):
        w(f"  - {{ from: {a}, to: {b}, cost: {round(cost(pos[a],pos[b])+extra,2)} }}{('   # '+note) if note else ''}")
    for o in ["SINALOA","JALISCO"]:
        for st in MX_HUBS: e(o,"MX_"+st)
    for o in ["TAPACHULA","CDMX"]:
        for st in MX_HUBS: e(o,"MX_"+st+"_FOOT")
    for (mid,lab,st,_,_,_,_,ushub) in MUNI:
        e("MX_"+st, mid+"_PORT"); e("MX_"+st, mid+"_LINE"); e("MX_"+st+"_FOOT", mid+"_LINE")
        e(mid+"_PORT","US_"+ushub); e(mid+"_LINE","US_"+ushub)
    for (rid,lab,st,_,_,_,ushub) in REMOTE:
        e("MX_"+st, rid+"_REMOTE"); e("MX_"+st+"_FOOT", rid+"_REMOTE"); e(rid+"_REMOTE","US_"+ushub)
    for hub, markets in FEEDS.items():
        for m in markets: e("US_"+hub, m)
    w("  # Southbound firearms: gun markets to U.S. hubs, through the ports (vehicles) into the border states.")
    for g, hubs in {"GUNS_PHOENIX":["TUCSON","YUMA","EL_PASO","SAN_DIEGO"],"GUNS_HOUSTON":["LAREDO","RGV","DEL_RIO"]}.items():
        for h in hubs: e(g,"US_"+h)
    for (mid,lab,st,_,_,_,_,ushub) in MUNI:
        if mid != "COL": e("US_"+ushub, mid+"_SOUTH"); e(mid+"_SOUTH","MX_"+st+"_ARMS")
    for st in ["BC","SON","CHIH"]: e("MX_"+st+"_ARMS","ARMS_SINALOA")
    for st in ["TAMPS","NL","COAH"]: e("MX_"+st+"_ARMS","ARMS_TAMAULIPAS")
    if with_canada:
        w(f"  # Fentanyl into Canada: sea and air legs, cost {CANADA_LEG} whatever the distance (CALIBRATED so that about")
        w("  # 43 lb a year are seized at the northern border, as in FY2024).")
        for o in ["SINALOA","JALISCO"]:
            for ca in ["CA_VANCOUVER","CA_TORONTO"]: w(f"  - {{ from: {o}, to: {ca}, cost: {CANADA_LEG} }}")
        e("CA_VANCOUVER","CA_WINNIPEG"); e("CA_TORONTO","CA_MONTREAL")
        for (nid,lab,la,lo,ca,us,skm) in NORTH:
            e(ca,nid+"_PORT"); e(ca,nid+"_LINE"); e(nid+"_PORT",us); e(nid+"_LINE",us)
        for us, mk in {"US_SEATTLE":["LOS_ANGELES","CHICAGO"],"US_MINNEAPOLIS":["CHICAGO"],"US_DETROIT":["CHICAGO","NEW_YORK"],"US_BUFFALO":["NEW_YORK","CHICAGO"],"US_PLATTSBURGH":["NEW_YORK"]}.items():
            for m in mk: e(us,m)
        e("US_LAREDO","NEW_YORK"); e("US_RGV","NEW_YORK"); e("US_EL_PASO","NEW_YORK")
    w("")
    w("commodities:")
    w("  # One fentanyl trip is one load of 1 lb (ASSUMPTION: the unit in which seizures are counted below).")
    w("  - { id: fentanyl, value: 12, penalty: 6, detectability: 1.0, danger_weight: 0, carries_people: false }")
    w("  # One migrant trip is one person's crossing attempt.")
    w("  - { id: migrants, value: 8, penalty: 2, detectability: 1.0, danger_weight: 1.0, carries_people: true }")
    w("  # One firearms trip is one gun; southbound inspection is lighter (detectability 0.5, ASSUMPTION).")
    w("  - { id: firearms, value: 6, penalty: 4, detectability: 0.5, danger_weight: 0, carries_people: false }")
    w("")
    w("organizations:")
    mk_f1 = ["LOS_ANGELES","PHOENIX","CHICAGO"] + (["NEW_YORK"] if with_canada else [])
    mk_f2 = ["DALLAS","HOUSTON","CHICAGO"] + (["NEW_YORK"] if with_canada else [])
    def org(oid, com, agents, ods, note, temp, mem, m, sig, inc, act):
        w(f"  # {note}")
        w(f"  - id: {oid}")
        w(f"    commodity: {com}")
        w(f"    agents: {agents}")
        w("    od:")
        for (o,d,wt) in ods: w(f"      - {{ origin: {o}, destination: {d}, weight: {wt} }}")
        w(f"    temperature: {temp}")
        w(f"    memory: {mem}")
        w(f"    prior_strength: {m}")
        w(f"    risk_sigma: {sig}")
        w(f"    incapacitation: {inc}")
        w(f"    activity: {act}")
    org("sinaloa","fentanyl",2330 if with_canada else 2270,[("SINALOA",d,1) for d in mk_f1],"Sinaloa network: agents CALIBRATED with the Jalisco network to ~21,000 lb seized a year at the southwest border" + (" (more agents than in the Mexico-only pair: with 16 candidate routes more loads go between ports and through Canada)." if with_canada else "."),0.8,0.95,20,0.5,7,0.6)
    org("jalisco","fentanyl",1800 if with_canada else 1750,[("JALISCO",d,1) for d in mk_f2],"Jalisco network (CJNG): as above; learning and risk parameters ASSUMPTION (NarcoLogic-like).",0.8,0.95,20,0.5,7,0.6)
    org("coyotes","migrants",6000,[("TAPACHULA",d,2) for d in ["HOUSTON","DALLAS","LOS_ANGELES","PHOENIX","CHICAGO"]]+[("CDMX",d,1) for d in ["HOUSTON","DALLAS","LOS_ANGELES","PHOENIX","CHICAGO"]],"Migrant smugglers. ASSUMPTION: a few thousand attempts a day, the order of 2025's reduced flows.",0.6,0.9,10,0.7,3,0.5)
    org("gunrunners","firearms",1200,[("GUNS_PHOENIX","ARMS_SINALOA",1),("GUNS_HOUSTON","ARMS_TAMAULIPAS",1)],"Southbound firearms. ASSUMPTION: a few hundred guns a day.",0.8,0.9,10,0.5,5,0.5)
    w("")
    w("enforcement:")
    w("  # eta: one troop (or officer) per km of front raises the chance of detection by about 1% (ASSUMPTION).")
    w("  effectiveness: 0.01")
    w("  allocation: {}          # U.S. enforcement before 2025 is in each crossing's base_detection")
    ev=[]
    if deployment:
        t = troops()
        w("  events:")
        w("    # Mexico's National Guard, 10,000 troops from Feb 4 (period 34), by state as reported; by city where")
        w("    # reported (Tijuana 1,949, Ciudad Juarez 1,650, and six Sonora towns); the rest of a state's troops split")
        w("    # equally among its named localities without a figure; in Sonora, where all six have one, the 487 left")
        w("    # are split in proportion to them. ASSUMPTION: within a locality, 20% at the port, 20% at southbound")
        w("    # inspection (firearms are a stated aim) and 60% on the line; Colombia, with no southbound point, 25/75.")
        items = []
        for (mid,*_) in MUNI:
            if mid == "COL":
                items.append(f"{mid}_PORT: {round(0.25*t[mid],1)}"); items.append(f"{mid}_LINE: {round(0.75*t[mid],1)}")
            else:
                items.append(f"{mid}_PORT: {round(0.2*t[mid],1)}"); items.append(f"{mid}_SOUTH: {round(0.2*t[mid],1)}"); items.append(f"{mid}_LINE: {round(0.6*t[mid],1)}")
        w("    - period: 34")
        w("      add:")
        for it in items: w(f"        {it}")
        w(f"    # total: {round(sum(t.values()),1)} troops")
    if with_canada and canada_measures:
        if not deployment: w("  events:")
        w("    # Canada's measures from Feb 4: ASSUMPTION, 500 officer-equivalents of new effort on the northern")
        w("    # crossings (the strike force and the czar's coordination), split 20% at ports, 80% on the lines.")
        w("    - period: 34")
        w("      add:")
        for (nid,*_) in NORTH:
            w(f"        {nid}_PORT: 20"); w(f"        {nid}_LINE: 80")
    open(OUT + sys_name(name), "w").write("\n".join(L) + "\n")

def sys_name(n): return FILES[n]
FILES = {}
CANADA_LEG = float(sys.argv[1]) if len(sys.argv) > 1 else 6.5
specs = [
 ("mexico-baseline.yaml","U.S.-Mexico border 2025, no deployment (baseline)",False,False,False,
  ["The southwest border as 19 localities, each a port of entry and the stretch beside it, and nine remote","stretches between and beyond them that the Guard did not reach, between origin regions in Mexico and U.S. markets; fentanyl and migrants north, firearms south. No deployment."]),
 ("mexico-guard-2025.yaml","U.S.-Mexico border 2025, Mexico's National Guard deployment",False,True,False,
  ["As mexico-baseline, with Mexico's 10,000 National Guard troops deployed on February 4, 2025","(period 34) across the border localities, by state as reported."]),
 ("north-america-baseline.yaml","North America 2025, both borders, no new measures (baseline)",True,False,False,
  ["Both borders in one network: the southwest border of mexico-baseline, and fentanyl that reaches","Canada by sea and air and crosses the northern border. No new measures."]),
 ("north-america-2025.yaml","North America 2025, Mexico's deployment and Canada's measures",True,True,True,
  ["As north-america-baseline, with Mexico's National Guard deployment and Canada's measures","(February 4, 2025): does pressure in the south push fentanyl through Canada?"]),
]
for fn, name, can, dep, cm, desc in specs:
    FILES[name] = fn
    generate(can, dep, cm, name, desc)
print("ok")
