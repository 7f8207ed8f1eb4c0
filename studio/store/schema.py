"""Schema migrations, applied in order; PRAGMA user_version records the last one applied.

Add a migration by appending to MIGRATIONS; never edit one that has shipped.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the address book, user events, mailings and their history, settings.
    """
    CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL DEFAULT '',
        display_name TEXT NOT NULL DEFAULT '',
        given_name TEXT NOT NULL DEFAULT '',
        family_name TEXT NOT NULL DEFAULT '',
        additional_names TEXT NOT NULL DEFAULT '',
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        nickname TEXT NOT NULL DEFAULT '',
        organization TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        emails TEXT NOT NULL DEFAULT '[]',      -- JSON [{value, label, preferred}]
        phones TEXT NOT NULL DEFAULT '[]',      -- JSON [{value, label, preferred}]
        -- addresses: JSON [{street, city, region, postal_code, country, label, preferred}]
        addresses TEXT NOT NULL DEFAULT '[]',
        birthday TEXT,                          -- YYYY-MM-DD or --MM-DD
        anniversary TEXT,
        customer_since TEXT,
        dates TEXT NOT NULL DEFAULT '[]',       -- JSON [{label, date}]
        spouse TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        photo BLOB,
        photo_type TEXT NOT NULL DEFAULT '',
        sort_name TEXT NOT NULL DEFAULT '',     -- lower-cased "family given" for ordering
        search_text TEXT NOT NULL DEFAULT '',   -- lower-cased names, emails, phones, places
        fingerprint TEXT NOT NULL DEFAULT '',   -- hash of the content, to see "unchanged" cheaply
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
    );
    CREATE INDEX contacts_sort ON contacts(sort_name);

    -- Keys that identify a person across sources: uid, email, phone, name+address.
    CREATE TABLE contact_keys (
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        PRIMARY KEY (kind, key, contact_id)
    ) WITHOUT ROWID;
    CREATE INDEX contact_keys_contact ON contact_keys(contact_id);

    CREATE TABLE contact_tags (
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        tag TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (contact_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX contact_tags_tag ON contact_tags(tag);

    -- Things the user records about a contact: an order, a referral.
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
    );
    CREATE INDEX events_contact ON events(contact_id, date);

    CREATE TABLE mailings (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
        occasion TEXT NOT NULL,                -- occasion key, e.g. christmas, birthday, thank-you
        year INTEGER,
        template TEXT NOT NULL,
        output TEXT NOT NULL DEFAULT '',       -- e.g. "envelopes:a7" or "labels:avery-5160"
        folder TEXT NOT NULL DEFAULT '',
        sent_at TEXT                           -- NULL until the user marks it posted
    );

    CREATE TABLE mailing_items (
        mailing_id INTEGER NOT NULL REFERENCES mailings(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
        contact_name TEXT NOT NULL,
        occasion TEXT NOT NULL,
        occasion_date TEXT,
        template TEXT NOT NULL,
        PRIMARY KEY (mailing_id, position)
    );
    CREATE INDEX mailing_items_contact ON mailing_items(contact_id);

    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL                    -- JSON
    );
    """,
    # 2: column maps for contact sheets, saved by name and found again by their header row.
    """
    CREATE TABLE column_maps (
        name TEXT PRIMARY KEY,
        headers TEXT NOT NULL,                 -- the sheet's header row, normalised, tab-joined
        mapping TEXT NOT NULL                  -- "Column=field,Column=field"
    );
    CREATE INDEX column_maps_headers ON column_maps(headers);
    """,
    # 3: live address books (CardDAV accounts, read-only) and what the last sync saw.
    """
    CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,                    -- "carddav"
        url TEXT NOT NULL,                     -- as the user gave it
        username TEXT NOT NULL,
        book_url TEXT NOT NULL,                -- the address book found there
        sync_token TEXT NOT NULL DEFAULT '',
        last_sync TEXT                         -- ISO time of the last complete sync
    );

    CREATE TABLE account_cards (
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        href TEXT NOT NULL,
        etag TEXT NOT NULL,
        name TEXT NOT NULL,                    -- to say who was deleted on the server
        PRIMARY KEY (account_id, href)
    );
    """,
    # 4: the bin: deleted contacts with what was removed with them, until restored or emptied;
    # mailing ids are never handed out twice.
    """
    CREATE TABLE bin (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        contact_id INTEGER NOT NULL,           -- the id it had (kept on restore when still free)
        name TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        contact TEXT NOT NULL,                 -- JSON of the contact (store.contact_rows.contact_to_json)
        photo BLOB,
        events TEXT NOT NULL,                  -- JSON [{kind, date, note}]
        mailing_items TEXT NOT NULL            -- JSON [[mailing id, position]]
    );

    -- The highest id ever given, so a deleted mailing's number is not given again.
    CREATE TABLE id_counters (
        name TEXT PRIMARY KEY,
        last INTEGER NOT NULL
    );
    INSERT INTO id_counters (name, last) SELECT 'mailings', COALESCE(MAX(id), 0) FROM mailings;
    """,
    # 5: search without accents or case ("muller" finds "Müller") and phones by their digits
    # ("0171 2345678" finds "+49 171 2345678"): search_text refolded, each phone's key appended
    # (store.contact_search.search_text, registered on the connection).
    """
    UPDATE contacts SET search_text = search_text(search_text, phones);
    """,
    # 6: the possible-duplicates review: pairs the user kept apart, and merges made there,
    # with both original records, so a merge can be undone.
    """
    CREATE TABLE kept_apart (
        first INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        second INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (first, second),
        CHECK (first < second)
    );

    CREATE TABLE merges (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kept_id INTEGER NOT NULL,              -- the contact both records became
        merged_at TEXT NOT NULL,
        kept_before TEXT NOT NULL,             -- JSON of the kept contact as it was before
        kept_photo BLOB,
        absorbed TEXT NOT NULL,                -- JSON of the other record, whole, with its id
        absorbed_photo BLOB,
        moved_events TEXT NOT NULL,            -- JSON [event id]: its events, now the kept one's
        moved_items TEXT NOT NULL,             -- JSON [[mailing id, position]]: cards it received
        moved_cards TEXT NOT NULL,             -- JSON [fingerprint]: imported cards it stood for
        undone_at TEXT
    );
    """,
    # 7: the household and how to address a person: children (JSON [{name, birthday}]),
    # RFC 9554 grammatical gender and pronouns.
    """
    ALTER TABLE contacts ADD COLUMN children TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE contacts ADD COLUMN gram_gender TEXT NOT NULL DEFAULT '';
    ALTER TABLE contacts ADD COLUMN pronouns TEXT NOT NULL DEFAULT '';
    """,
    # 8: the Intelligent Mail tracking code each card's envelope carried (null: none); the
    # serial numbers in those codes come from id_counters 'mail_pieces' and are never reused.
    # Cards that came back, with the address they went to, until the user clears them.
    """
    ALTER TABLE mailing_items ADD COLUMN imb TEXT;
    INSERT INTO id_counters (name, last) VALUES ('mail_pieces', 0);
    CREATE TABLE returned_mail (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        mailing_id INTEGER NOT NULL,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        address TEXT NOT NULL,
        returned_on TEXT NOT NULL,
        cleared_on TEXT
    );
    CREATE INDEX returned_mail_contact ON returned_mail(contact_id);
    """,
    # 9: phone numbers compared and searched in E.164 form, read in the contact's country or
    # else the user's home country ("0171 2345678" at a German address is +491712345678), no
    # longer by their last nine digits: phone keys and the search column recomputed
    # (store.contact_search: phone_keys and contact_search_text, registered on the connection).
    """
    DELETE FROM contact_keys WHERE kind = 'phone';
    INSERT OR IGNORE INTO contact_keys (contact_id, kind, key)
        SELECT contacts.id, 'phone', keys.value
        FROM contacts, json_each(phone_keys(contacts.phones, contacts.addresses,
                                            (SELECT value FROM settings WHERE key = 'home_country'))) AS keys;
    UPDATE contacts SET search_text = contact_search_text(
        json_object('display_name', display_name, 'prefix', prefix, 'given_name', given_name,
                    'additional_names', additional_names, 'family_name', family_name, 'suffix', suffix,
                    'nickname', nickname, 'organization', organization),
        emails, phones, addresses,
        (SELECT json_group_array(tag) FROM contact_tags WHERE contact_id = contacts.id),
        (SELECT value FROM settings WHERE key = 'home_country'));
    """,
    # 10: the message each card carried when the user wrote one (per person, or one for the
    # whole mailing); null: the template's own words.
    """
    ALTER TABLE mailing_items ADD COLUMN message TEXT;
    """,
    # 11: every touch counts. Events are the touch log: calls, messages, meetings and notes
    # beside orders and referrals, an order's amount, where each came from ('manual',
    # 'orders:FILE') and a reference that keeps a re-imported order from counting twice.
    # Keep-in-touch rhythms per tag and per contact (days between touches).
    """
    ALTER TABLE events ADD COLUMN amount REAL;
    ALTER TABLE events ADD COLUMN source TEXT NOT NULL DEFAULT 'manual';
    ALTER TABLE events ADD COLUMN ref TEXT;
    CREATE UNIQUE INDEX events_ref ON events(ref) WHERE ref IS NOT NULL;
    CREATE TABLE tag_rhythms (
        tag TEXT PRIMARY KEY,                  -- folded as contact_tags keeps tags
        days INTEGER NOT NULL CHECK (days > 0)
    );
    CREATE TABLE contact_rhythms (
        contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
        days INTEGER NOT NULL CHECK (days > 0)
    );
    """,
    # 12: back-office order exports. Column maps get a purpose ('contacts' or 'orders'), so an
    # order export's map is found by its header row like a contact sheet's and never offered
    # for one; names are unique per purpose. A customer's number at the company is an identity
    # key (contact_keys kind 'customer_number') that edits keep, as they keep 'card' keys, and
    # the bin keeps with a deleted contact (JSON [number]).
    """
    CREATE TABLE column_maps_by_purpose (
        purpose TEXT NOT NULL DEFAULT 'contacts',
        name TEXT NOT NULL,
        headers TEXT NOT NULL,                 -- the sheet's header row, normalised, tab-joined
        mapping TEXT NOT NULL,                 -- "Column=field,Column=field"
        PRIMARY KEY (purpose, name)
    );
    INSERT INTO column_maps_by_purpose (purpose, name, headers, mapping)
        SELECT 'contacts', name, headers, mapping FROM column_maps ORDER BY rowid;
    DROP TABLE column_maps;
    ALTER TABLE column_maps_by_purpose RENAME TO column_maps;
    CREATE INDEX column_maps_headers ON column_maps(purpose, headers);
    ALTER TABLE bin ADD COLUMN customer_numbers TEXT NOT NULL DEFAULT '[]';
    """,
    # 13: a counter that moves whenever a contact or a tag changes, in any program, and for
    # each contact the counter's value when it last changed: Today keeps the occasions it
    # worked out for everyone and works out again only those of the contacts that changed
    # (a call logged or a mailing made changes no contact).
    """
    CREATE TABLE generations (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );
    INSERT INTO generations (name, value) VALUES ('contacts', 0);
    CREATE TABLE contact_changes (
        contact_id INTEGER PRIMARY KEY,        -- no foreign key: a deleted contact's change is kept
        generation INTEGER NOT NULL
    );
    CREATE INDEX contact_changes_generation ON contact_changes(generation);
    CREATE TRIGGER contacts_inserted AFTER INSERT ON contacts BEGIN
        UPDATE generations SET value = value + 1 WHERE name = 'contacts';
        INSERT INTO contact_changes (contact_id, generation)
            VALUES (NEW.id, (SELECT value FROM generations WHERE name = 'contacts'))
            ON CONFLICT (contact_id) DO UPDATE SET generation = excluded.generation;
    END;
    CREATE TRIGGER contacts_updated AFTER UPDATE ON contacts BEGIN
        UPDATE generations SET value = value + 1 WHERE name = 'contacts';
        INSERT INTO contact_changes (contact_id, generation)
            VALUES (NEW.id, (SELECT value FROM generations WHERE name = 'contacts'))
            ON CONFLICT (contact_id) DO UPDATE SET generation = excluded.generation;
    END;
    CREATE TRIGGER contacts_deleted AFTER DELETE ON contacts BEGIN
        UPDATE generations SET value = value + 1 WHERE name = 'contacts';
        INSERT INTO contact_changes (contact_id, generation)
            VALUES (OLD.id, (SELECT value FROM generations WHERE name = 'contacts'))
            ON CONFLICT (contact_id) DO UPDATE SET generation = excluded.generation;
    END;
    CREATE TRIGGER contact_tags_inserted AFTER INSERT ON contact_tags BEGIN
        UPDATE generations SET value = value + 1 WHERE name = 'contacts';
        INSERT INTO contact_changes (contact_id, generation)
            VALUES (NEW.contact_id, (SELECT value FROM generations WHERE name = 'contacts'))
            ON CONFLICT (contact_id) DO UPDATE SET generation = excluded.generation;
    END;
    CREATE TRIGGER contact_tags_updated AFTER UPDATE ON contact_tags BEGIN
        UPDATE generations SET value = value + 1 WHERE name = 'contacts';
        INSERT INTO contact_changes (contact_id, generation)
            VALUES (NEW.contact_id, (SELECT value FROM generations WHERE name = 'contacts'))
            ON CONFLICT (contact_id) DO UPDATE SET generation = excluded.generation;
    END;
    CREATE TRIGGER contact_tags_deleted AFTER DELETE ON contact_tags BEGIN
        UPDATE generations SET value = value + 1 WHERE name = 'contacts';
        INSERT INTO contact_changes (contact_id, generation)
            VALUES (OLD.contact_id, (SELECT value FROM generations WHERE name = 'contacts'))
            ON CONFLICT (contact_id) DO UPDATE SET generation = excluded.generation;
    END;
    """,
    # 14: follow-up sequences (studio.touches.sequences; the steps themselves are TOML files):
    # who is enrolled in which sequence since when, the day its steps count from, a manual
    # stop, and each step done or skipped (with the touch a done call or message recorded).
    """
    CREATE TABLE sequence_enrolments (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        sequence TEXT NOT NULL,                -- the sequence file's id ("new-customer")
        started TEXT NOT NULL,                 -- the trigger's day: a later order stops it
        anchor TEXT NOT NULL,                  -- the day the steps count from
        enrolled_on TEXT NOT NULL,
        trigger TEXT NOT NULL DEFAULT 'manual', -- 'manual', or the trigger that enrolled them
        stopped_on TEXT,                       -- set by `studio sequences --stop`
        UNIQUE (contact_id, sequence, anchor)
    );
    CREATE INDEX sequence_enrolments_live ON sequence_enrolments(sequence, anchor) WHERE stopped_on IS NULL;
    CREATE TABLE sequence_steps (
        enrolment_id INTEGER NOT NULL REFERENCES sequence_enrolments(id) ON DELETE CASCADE,
        step INTEGER NOT NULL,                 -- the step's number in its file, from 1
        outcome TEXT NOT NULL CHECK (outcome IN ('done', 'skipped')),
        on_day TEXT NOT NULL,
        event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
        PRIMARY KEY (enrolment_id, step)
    );
    """,
    # 15: printer profiles: each printer's duplex, stack order, margin, calibration per kind of
    # piece and envelope feed (JSON, `PrinterProfile.to_dict`); one is the default. The one
    # global calibration and printer setup become the "Default" profile: the calibration
    # (which every label sheet and envelope used) for both labels and envelopes, none for
    # cards, which had none; the old settings rows go, so nothing reads a stale copy.
    """
    CREATE TABLE printer_profiles (
        name TEXT PRIMARY KEY COLLATE NOCASE,
        is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        data TEXT NOT NULL DEFAULT '{}'
    );
    CREATE UNIQUE INDEX printer_profiles_one_default ON printer_profiles(is_default) WHERE is_default = 1;
    INSERT INTO printer_profiles (name, is_default, data)
        SELECT 'Default', 1, json_object(
            'duplex', coalesce(json_extract(printer, '$.duplex'), 'long'),
            'stack', coalesce(json_extract(printer, '$.stack'), 'face-down'),
            'margin_mm', coalesce(json_extract(printer, '$.margin_mm'), 4.2),
            'cards', json_object('offset_x', 0.0, 'offset_y', 0.0, 'scale_x', 1.0, 'scale_y', 1.0),
            'envelopes', json(calibration),
            'labels', json(calibration))
        FROM (SELECT coalesce((SELECT value FROM settings WHERE key = 'printer'), '{}') AS printer,
                     coalesce((SELECT value FROM settings WHERE key = 'calibration'),
                              '{"offset_x": 0.0, "offset_y": 0.0, "scale_x": 1.0, "scale_y": 1.0}')
                         AS calibration);
    DELETE FROM settings WHERE key IN ('printer', 'calibration');
    """,
    # 16: the bin keeps a deleted contact's follow-up sequences too (JSON, `KeptEnrolment`),
    # so a restore puts them back with their done and skipped steps.
    """
    ALTER TABLE bin ADD COLUMN enrolments TEXT NOT NULL DEFAULT '[]';
    """,
]
