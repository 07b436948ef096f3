"""The SQL side of bench/subscription's renewal run (python3 standard library only).

  renewals.py seed DB COUNT      COUNT active monthly subscriptions whose period ended an hour
                                 ago, each with its customer, sandbox card ('succeeds', charged
                                 once), first charge and paid first invoice, in one transaction
                                 (no outbox rows or history: nothing to relay at start). Prints
                                 the period end (RFC 3339, as the service writes times).
  renewals.py anchor DB MODE     the bare writes of a renewal straight on SQLite, with the
                                 service's pragmas: INSERT the cycle invoice, INSERT the charge,
                                 UPDATE the subscription's period; MODE "each" commits once per
                                 subscription, "batch" once for all. Prints the seconds.
  renewals.py check DB COUNT PERIOD_END
                                 the exactly-once checks after a run; prints "check value
                                 expected" lines and exits 1 when one differs.
  renewals.py charges DB         succeeded charges with an amount, and cycle invoices.
"""

import datetime
import secrets
import sqlite3
import sys
import time
import uuid

PRICE = 3990
PLAN_ID = "01900000-0000-7000-8000-0000000000c1"


def uuid7():
    """A time-ordered UUID, as the service makes them (core::new_uuid_v7)."""
    value = (time.time_ns() // 1_000_000) << 80 | 0x7 << 76 | secrets.randbits(76)
    value = value & ~(0x3 << 62) | 0x2 << 62  # the RFC 9562 variant bits
    return str(uuid.UUID(int=value))


def rfc3339(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def month_after(t):
    return t.replace(year=t.year + 1, month=1) if t.month == 12 else t.replace(month=t.month + 1)


def month_before(t):
    return t.replace(year=t.year - 1, month=12) if t.month == 1 else t.replace(month=t.month - 1)


def connect(path):
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    return db


def seed(path, count):
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    end = now - datetime.timedelta(hours=1)
    if end.day > 28:  # whole calendar months both ways, no day clamping
        end -= datetime.timedelta(days=end.day - 28)
    start, end = rfc3339(month_before(end)), rfc3339(end)
    year = now.year + 5
    plan = (PLAN_ID, "Bench Renewals", "bench renewals", "bench", PRICE, "BRL", "month", 0, 4,
            "1080p", 1, 1, start, start)
    customers, methods, charges, subscriptions, invoices = [], [], [], [], []
    for i in range(count):
        user = uuid7()
        token = "pm_" + uuid7()
        charge = "ch_" + uuid7()
        sub = uuid7()
        customers.append((user, f"{user}@bench.example", f"{user}@bench.example", user, start,
                          start))
        methods.append((token, user, "visa", "4242", 12, year, "succeeds", 1, start))
        charges.append((charge, secrets.token_hex(32), token, PRICE, "BRL",
                        "Subscription to Bench Renewals", 1, None, 0, start))
        subscriptions.append((sub, user, PLAN_ID, "Bench Renewals", "active", PRICE, "BRL", "month",
                              4, "1080p", token, "visa", "4242", None, start, start, end, 0, None,
                              None, None, None, None, None, 1, start, start))
        invoices.append((uuid7(), sub, user, "subscription_create", PLAN_ID, PRICE, "BRL",
                         "paid", start, end, 1, None, charge, None, 0, start, start, start))
    db = connect(path)
    began = time.perf_counter()
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO plans VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", plan)
    db.executemany("INSERT INTO customers VALUES (?,?,?,?,NULL,?,?)", customers)
    db.executemany("INSERT INTO sandbox_payment_methods VALUES (?,?,?,?,?,?,?,?,?)", methods)
    db.executemany("INSERT INTO sandbox_charges VALUES (?,?,?,?,?,?,?,?,?,?)", charges)
    db.executemany("INSERT INTO subscriptions VALUES (" + ",".join("?" * 27) + ")", subscriptions)
    db.executemany("INSERT INTO invoices VALUES (" + ",".join("?" * 18) + ")", invoices)
    db.execute("COMMIT")
    db.close()
    print(f"seeded {count} due subscriptions in {time.perf_counter() - began:.1f} s",
          file=sys.stderr)
    print(end)


def anchor(path, mode):
    db = connect(path)
    now = rfc3339(datetime.datetime.now(datetime.timezone.utc))
    work = []  # everything but the writes is worked out before the clock starts
    for sub, user, token, end in db.execute(
            "SELECT id, user_id, payment_method, current_period_end FROM subscriptions "
            "WHERE plan_id = ?", (PLAN_ID,)).fetchall():
        next_end = rfc3339(month_after(datetime.datetime.strptime(end, "%Y-%m-%dT%H:%M:%S.%fZ")))
        charge = "ch_" + uuid7()
        work.append(((uuid7(), sub, user, PLAN_ID, PRICE, end, next_end, charge, now,
                      now, now),
                     (charge, secrets.token_hex(32), token, PRICE, now),
                     (end, next_end, now, sub)))
    began = time.perf_counter()
    if mode == "batch":
        db.execute("BEGIN IMMEDIATE")
    for invoice, charge, period in work:
        if mode == "each":
            db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO invoices VALUES (?,?,?,'subscription_cycle',?,?,'BRL','paid',?,?,"
                   "1,NULL,?,NULL,0,?,?,?)", invoice)
        db.execute("INSERT INTO sandbox_charges VALUES (?,?,?,?,'BRL','renewal',1,NULL,0,?)",
                   charge)
        db.execute("UPDATE subscriptions SET current_period_start = ?, current_period_end = ?, "
                   "version = version + 1, updated_at = ? WHERE id = ?", period)
        if mode == "each":
            db.execute("COMMIT")
    if mode == "batch":
        db.execute("COMMIT")
    print(f"{time.perf_counter() - began:.3f}")
    db.close()


def scalar(db, sql, *args):
    return db.execute(sql, args).fetchone()[0]


def check(path, count, period_end):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    paid = "succeeded = 1 AND amount > 0"
    checks = [
        ("cycle invoices (subscription_cycle)",
         scalar(db, "SELECT COUNT(*) FROM invoices WHERE reason = 'subscription_cycle'"), count),
        ("cycle invoices paid",
         scalar(db, "SELECT COUNT(*) FROM invoices WHERE reason = 'subscription_cycle' AND "
                    "status = 'paid'"), count),
        ("subscriptions with other than 1 cycle invoice",
         scalar(db, "SELECT COUNT(*) FROM subscriptions s LEFT JOIN (SELECT subscription_id id, "
                    "COUNT(*) n FROM invoices WHERE reason = 'subscription_cycle' GROUP BY "
                    "subscription_id) i ON i.id = s.id WHERE COALESCE(i.n, 0) != 1"), 0),
        ("charge idempotency keys charged more than once",
         scalar(db, f"SELECT COUNT(*) FROM (SELECT idempotency_key FROM sandbox_charges WHERE "
                    f"{paid} GROUP BY idempotency_key HAVING COUNT(*) > 1)"), 0),
        ("subscriptions with other than 2 charges (first + renewal)",
         scalar(db, f"SELECT COUNT(*) FROM subscriptions s LEFT JOIN (SELECT payment_method pm, "
                    f"COUNT(*) n FROM sandbox_charges WHERE {paid} GROUP BY payment_method) c "
                    f"ON c.pm = s.payment_method WHERE COALESCE(c.n, 0) != 2"), 0),
        ("charges made", scalar(db, f"SELECT COUNT(*) FROM sandbox_charges WHERE {paid}"),
         2 * count),
        ("subscriptions whose period did not advance one month",
         scalar(db, "SELECT COUNT(*) FROM subscriptions WHERE status != 'active' OR "
                    "current_period_start != ? OR current_period_end <= ?",
                period_end, period_end), 0),
        ("renewed events in the outbox",
         scalar(db, "SELECT COUNT(*) FROM outbox WHERE type = "
                    "'codeflix.subscription.subscription.renewed.v1'"), count),
    ]
    ok = True
    for name, value, expected in checks:
        print(f"{name}\t{value}\t{expected}")
        ok = ok and value == expected
    return 0 if ok else 1


def charges(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    made = scalar(db, "SELECT COUNT(*) FROM sandbox_charges WHERE succeeded = 1 AND amount > 0")
    cycles = scalar(db, "SELECT COUNT(*) FROM invoices WHERE reason = 'subscription_cycle'")
    print(f"{made}\t{cycles}")


def main(args):
    if len(args) == 3 and args[0] == "seed":
        seed(args[1], int(args[2]))
    elif len(args) == 3 and args[0] == "anchor" and args[2] in ("each", "batch"):
        anchor(args[1], args[2])
    elif len(args) == 4 and args[0] == "check":
        return check(args[1], int(args[2]), args[3])
    elif len(args) == 2 and args[0] == "charges":
        charges(args[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
