// xapian_glue.cc - the only C++ in hustings: Xapian behind a C API.
//
// Every entry point catches everything, so no exception crosses into C;
// errors become a hustings_status_t and a message kept on the handle.
#include "xapian_glue.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <ctime>
#include <new>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <utility>
#include <vector>

#include <xapian.h>

#include "match_rules.h"

struct hx_db {
    Xapian::Database *db;          // the handle to read through
    Xapian::WritableDatabase *wdb; // same object when writable, else NULL
    std::string error;
    bool remote_shards = false;    // a KeyMaker, MatchDecider or custom
                                   // PostingSource was refused
    int can_follow = -1;           // hx_db_can_follow's answer, once known
    // a group of changes (hx_db_begin_changes): what it added, and what
    // goes when it is kept
    bool in_group = false;
    std::vector<Xapian::docid> group_added, group_doomed;
    double deadline = 0;           // hx_db_set_time_limit's, on the
                                   // monotonic clock; 0: none
    double time_limit = 0;         // the seconds it allows
};

// A search that used up its budget of time or work.
struct too_costly : std::runtime_error {
    explicit too_costly(const std::string &why) : std::runtime_error(why) {}
};

// A write asked of a database opened read-only.  (Xapian's own
// InvalidOperationError means an operation out of turn, such as a
// transaction begun inside another, and is reported as Xapian's error.)
struct read_only : std::runtime_error {
    read_only() : std::runtime_error("index is open read-only") {}
};

static double monotonic_seconds()
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct hx_doc {
    Xapian::Document doc;
};

static char *dup_string(const std::string &s)
{
    char *p = static_cast<char *>(std::malloc(s.size() + 1));
    if (p)
        std::memcpy(p, s.c_str(), s.size() + 1);
    return p;
}

// Map the exception in flight to a status, with a message in *msg.
static hustings_status_t status_of_current_exception(std::string *msg)
{
    try {
        throw;
    } catch (const too_costly &e) {
        *msg = e.what();
        return HUSTINGS_STATUS_QUERY_TOO_COSTLY;
    } catch (const read_only &e) {
        *msg = e.what();
        return HUSTINGS_STATUS_READ_ONLY_INDEX;
    } catch (const Xapian::DatabaseLockError &e) {
        *msg = "index is locked by another writer (" + e.get_msg() + ")";
        return HUSTINGS_STATUS_INDEX_LOCKED;
    } catch (const Xapian::DatabaseNotFoundError &e) {
        *msg = "no index found (" + e.get_msg() + ")";
        return HUSTINGS_STATUS_INDEX_NOT_FOUND;
    } catch (const Xapian::DatabaseVersionError &e) {
        *msg = "index was written by an unsupported Xapian version (" + e.get_msg() + ")";
        return HUSTINGS_STATUS_INDEX_VERSION;
    } catch (const Xapian::DatabaseCorruptError &e) {
        *msg = "index is corrupt (" + e.get_msg() + "); rebuild it with hustings-index";
        return HUSTINGS_STATUS_INDEX_CORRUPT;
    } catch (const Xapian::DatabaseError &e) {
        // a plain DatabaseError without a system error is a table that
        // cannot be read ("EOF reading block 2"); its subclasses (opening,
        // closed, modified) and a system's refusal (No space left on
        // device) are reported as they are
        if (typeid(e) != typeid(Xapian::DatabaseError) ||
            (e.get_error_string() && *e.get_error_string())) {
            *msg = e.get_description();
            return HUSTINGS_STATUS_XAPIAN_EXCEPTION;
        }
        *msg = "index is damaged (" + e.get_msg() + "); rebuild it with hustings-index";
        return HUSTINGS_STATUS_INDEX_CORRUPT;
    } catch (const Xapian::Error &e) {
        *msg = e.get_description();
        return HUSTINGS_STATUS_XAPIAN_EXCEPTION;
    } catch (const std::bad_alloc &) {
        *msg = "out of memory";
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    } catch (const std::exception &e) {
        *msg = e.what();
        return HUSTINGS_STATUS_XAPIAN_EXCEPTION;
    } catch (...) {
        *msg = "unknown C++ exception";
        return HUSTINGS_STATUS_XAPIAN_EXCEPTION;
    }
}

// Run body; on an exception record it on db and return its status.
template <typename F>
static hustings_status_t guarded(hx_db *db, F body)
{
    try {
        db->error.clear();
        body();
        return HUSTINGS_STATUS_SUCCESS;
    } catch (...) {
        return status_of_current_exception(&db->error);
    }
}

template <typename F>
static int guarded_doc(F body)
{
    try {
        body();
        return 0;
    } catch (...) {
        return -1;
    }
}

// d into *data (malloc'ed, NUL-terminated) and *len
static void copy_out(const std::string &d, char **data, size_t *len)
{
    *data = static_cast<char *>(std::malloc(d.size() + 1));
    if (!*data)
        throw std::bad_alloc();
    std::memcpy(*data, d.data(), d.size());
    (*data)[d.size()] = '\0';
    *len = d.size();
}

// db's writable handle, for a write
static Xapian::WritableDatabase &writable(hx_db *db)
{
    if (!db->wdb)
        throw read_only();
    return *db->wdb;
}

// Run read, retrying once when a writer commits under a reader, as a
// search is retried (search_with_retry).
template <typename Read>
static hustings_status_t read_with_retry(hx_db *db, Read read)
{
    return guarded(db, [&] {
        for (int attempt = 0;; attempt++) {
            try {
                read();
                return;
            } catch (const Xapian::DatabaseModifiedError &) {
                if (attempt > 0 || db->wdb)
                    throw;
                db->db->reopen();
            }
        }
    });
}

extern "C" {

hustings_status_t hx_db_open(const char *path, int writable, hx_db **out, char **err)
{
    hx_db *h = new (std::nothrow) hx_db();
    if (!h)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    hustings_status_t st = guarded(h, [&] {
        if (writable) {
            h->wdb = new Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
            h->db = h->wdb;
        } else {
            h->db = new Xapian::Database(path);
        }
    });
    if (st != HUSTINGS_STATUS_SUCCESS) {
        if (err)
            *err = dup_string(std::string(path) + ": " + h->error);
        delete h;
        return st;
    }
    *out = h;
    return st;
}

hustings_status_t hx_compact(const char *const *sources, size_t n, const char *dest, char **err)
{
    hx_db h;
    hustings_status_t st = guarded(&h, [&] {
        Xapian::Database all;
        for (size_t i = 0; i < n; i++)
            all.add_database(Xapian::Database(sources[i]));
        /* docids renumbered: each source follows the one before */
        all.compact(dest, Xapian::DBCOMPACT_MULTIPASS);
    });
    if (st != HUSTINGS_STATUS_SUCCESS && err)
        *err = dup_string(std::string(dest) + ": " + h.error);
    return st;
}

hustings_status_t hx_db_open_many(const char *const *paths, size_t n, hx_db **out, char **err)
{
    hx_db *h = new (std::nothrow) hx_db();
    if (!h)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    std::string at;
    hustings_status_t st = guarded(h, [&] {
        h->db = new Xapian::Database();
        for (size_t i = 0; i < n; i++) {
            at = paths[i];
            h->db->add_database(Xapian::Database(paths[i]));
        }
    });
    if (st != HUSTINGS_STATUS_SUCCESS) {
        if (err)
            *err = dup_string(at + ": " + h->error);
        delete h->db;
        delete h;
        return st;
    }
    *out = h;
    return st;
}

void hx_db_free(hx_db *db)
{
    if (!db)
        return;
    try {
        if (db->wdb)
            db->wdb->close(); // drops uncommitted changes and the lock
    } catch (...) {
    }
    delete db->db;
    delete db;
}

const char *hx_db_error(const hx_db *db)
{
    return db->error.c_str();
}

hustings_status_t hx_db_commit(hx_db *db)
{
    return guarded(db, [&] {
        writable(db).commit();
    });
}

// A group is a Xapian transaction (so no commit of Xapian's own splits
// it) that is always committed, never cancelled: cancelling would also
// drop every change made since the last commit, other files' included.
// Undoing a group is deleting what it added; the documents it replaces
// are deleted only when it is kept.
hustings_status_t hx_db_begin_changes(hx_db *db)
{
    return guarded(db, [&] {
        writable(db);
        if (db->in_group)
            throw Xapian::InvalidOperationError("a group of changes is open already");
        db->wdb->begin_transaction(false);
        db->in_group = true;
        db->group_added.clear();
        db->group_doomed.clear();
    });
}

hustings_status_t hx_db_delete_term_when_kept(hx_db *db, const char *term)
{
    return guarded(db, [&] {
        writable(db);
        if (!db->in_group)
            throw Xapian::InvalidOperationError("no group of changes is open");
        for (auto p = db->db->postlist_begin(term); p != db->db->postlist_end(term); ++p)
            db->group_doomed.push_back(*p);
    });
}

hustings_status_t hx_db_end_changes(hx_db *db, int keep)
{
    return guarded(db, [&] {
        writable(db);
        if (!db->in_group)
            throw Xapian::InvalidOperationError("no group of changes is open");
        db->in_group = false;
        std::vector<Xapian::docid> gone;
        gone.swap(keep ? db->group_doomed : db->group_added);
        db->group_added.clear();
        db->group_doomed.clear();
        std::sort(gone.begin(), gone.end()); // a document may hold two of the terms
        gone.erase(std::unique(gone.begin(), gone.end()), gone.end());
        try {
            for (Xapian::docid d : gone)
                db->wdb->delete_document(d);
        } catch (...) {
            db->wdb->commit_transaction();
            throw;
        }
        db->wdb->commit_transaction();
    });
}

hustings_status_t hx_db_reopen(hx_db *db)
{
    return guarded(db, [&] { db->db->reopen(); });
}

hustings_status_t hx_db_get_metadata(hx_db *db, const char *key, char **value)
{
    std::string v;
    hustings_status_t st = guarded(db, [&] { v = db->db->get_metadata(key); });
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    *value = dup_string(v);
    return *value ? st : HUSTINGS_STATUS_OUT_OF_MEMORY;
}

hustings_status_t hx_db_set_metadata(hx_db *db, const char *key, const char *value)
{
    return guarded(db, [&] {
        writable(db).set_metadata(key, value);
    });
}

hustings_status_t hx_db_doc_count(hx_db *db, unsigned long *n)
{
    return guarded(db, [&] { *n = db->db->get_doccount(); });
}

hustings_status_t hx_db_count_terms(hx_db *db, const char *prefix, unsigned long *n)
{
    return guarded(db, [&] {
        unsigned long count = 0;
        for (auto t = db->db->allterms_begin(prefix); t != db->db->allterms_end(prefix); ++t)
            count++;
        *n = count;
    });
}

hustings_status_t hx_db_term_freq(hx_db *db, const char *term, unsigned long *n)
{
    return guarded(db, [&] { *n = db->db->get_termfreq(term); });
}

hustings_status_t hx_db_delete_term(hx_db *db, const char *term)
{
    return guarded(db, [&] {
        writable(db).delete_document(term);
    });
}

hustings_status_t hx_db_add_doc(hx_db *db, hx_doc *doc)
{
    return guarded(db, [&] {
        Xapian::docid added = writable(db).add_document(doc->doc);
        if (db->in_group)
            db->group_added.push_back(added);
    });
}

hustings_status_t hx_db_each_metadata(hx_db *db, const char *prefix, hx_metadata_fn fn,
                                      void *ctx)
{
    return guarded(db, [&] {
        for (auto k = db->db->metadata_keys_begin(prefix); k != db->db->metadata_keys_end(prefix);
             ++k) {
            std::string value = db->db->get_metadata(*k);
            if (fn(ctx, (*k).c_str(), value.data(), value.size()))
                break;
        }
    });
}

hustings_status_t hx_db_each_term(hx_db *db, const char *prefix, hx_term_fn fn, void *ctx)
{
    return guarded(db, [&] {
        for (auto t = db->db->allterms_begin(prefix); t != db->db->allterms_end(prefix); ++t)
            if (fn(ctx, (*t).c_str(), t.get_termfreq()))
                break;
    });
}

hustings_status_t hx_db_each_doc(hx_db *db, const char *term, hx_doc_fn fn, void *ctx)
{
    return guarded(db, [&] {
        // docids first: fn may change the documents it is given
        std::vector<Xapian::docid> ids;
        for (auto p = db->db->postlist_begin(term); p != db->db->postlist_end(term); ++p)
            ids.push_back(*p);
        for (Xapian::docid id : ids) {
            std::string data = db->db->get_document(id).get_data();
            if (fn(ctx, id, data.data(), data.size()))
                break;
        }
    });
}

// hx_db_earlier_data without the retry
static void earlier_data(hx_db *db, unsigned docid, unsigned back, unsigned slot,
                         const char *group_prefix, char **data, size_t *len)
{
    Xapian::docid earlier =
        hs_shard_earlier_docid(docid, back, static_cast<unsigned>(db->db->size()));
    Xapian::Document doc = db->db->get_document(docid);
    Xapian::Document head;
    if (earlier) {
        try {
            head = db->db->get_document(earlier);
        } catch (const Xapian::DocNotFoundError &) {
            earlier = 0; // a gap in a server's interleaving
        }
    }
    if (!earlier || head.get_value(slot) != doc.get_value(slot)) {
        // not where it should be (a remote server that interleaves
        // several databases): the first document of docid's group term
        std::string prefix(group_prefix);
        auto t = db->db->termlist_begin(docid);
        t.skip_to(prefix);
        if (t == db->db->termlist_end(docid) || (*t).compare(0, prefix.size(), prefix) != 0)
            throw Xapian::DatabaseCorruptError("document " + std::to_string(docid) +
                                               " has no " + prefix + " term");
        head = db->db->get_document(*db->db->postlist_begin(*t));
    }
    copy_out(head.get_data(), data, len);
}

hustings_status_t hx_db_data(hx_db *db, unsigned docid, char **data, size_t *len)
{
    *data = NULL;
    return read_with_retry(db, [&] { copy_out(db->db->get_document(docid).get_data(), data, len); });
}

hustings_status_t hx_db_earlier_data(hx_db *db, unsigned docid, unsigned back, unsigned slot,
                                     const char *group_prefix, char **data, size_t *len)
{
    *data = NULL;
    // after a reopen the tag check (or the group term) still finds the
    // right document
    return read_with_retry(db, [&] { earlier_data(db, docid, back, slot, group_prefix, data, len); });
}

hustings_status_t hx_db_update_doc(hx_db *db, unsigned docid,
                                   const char *const *drop_prefixes,
                                   const char *const *add_terms, unsigned slot,
                                   const char *value, const char *data, size_t len)
{
    return guarded(db, [&] {
        Xapian::Document doc = writable(db).get_document(docid);
        for (const char *const *p = drop_prefixes; *p; p++) {
            std::vector<std::string> drop;
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
                if ((*t).compare(0, std::strlen(*p), *p) == 0)
                    drop.push_back(*t);
            for (const auto &t : drop)
                doc.remove_term(t);
        }
        for (const char *const *t = add_terms; *t; t++)
            doc.add_boolean_term(*t);
        doc.add_value(slot, value);
        doc.set_data(std::string(data, len));
        db->wdb->replace_document(docid, doc);
    });
}

hustings_status_t hx_db_value_bounds(hx_db *db, unsigned slot, char **lo, char **hi)
{
    std::string l, h;
    hustings_status_t st = guarded(db, [&] {
        l = db->db->get_value_lower_bound(slot);
        h = db->db->get_value_upper_bound(slot);
    });
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    *lo = dup_string(l);
    *hi = dup_string(h);
    if (!*lo || !*hi) {
        std::free(*lo);
        std::free(*hi);
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    return st;
}

hustings_status_t hx_db_each_value(hx_db *db, unsigned slot, unsigned other,
                                   hx_value_fn fn, void *ctx)
{
    return guarded(db, [&] {
        Xapian::ValueIterator o = db->db->valuestream_begin(other);
        const Xapian::ValueIterator o_end = db->db->valuestream_end(other);
        for (auto v = db->db->valuestream_begin(slot); v != db->db->valuestream_end(slot); ++v) {
            Xapian::docid id = v.get_docid();
            if (o != o_end && o.get_docid() < id)
                o.skip_to(id);
            std::string value = *v, with;
            if (o != o_end && o.get_docid() == id)
                with = *o;
            if (fn(ctx, id, value.data(), value.size(), with.data(), with.size()))
                break;
        }
    });
}

hx_doc *hx_doc_new(void)
{
    return new (std::nothrow) hx_doc();
}

void hx_doc_free(hx_doc *doc)
{
    delete doc;
}

int hx_doc_add_posting(hx_doc *doc, const char *term, size_t len, unsigned pos)
{
    return guarded_doc([&] { doc->doc.add_posting(std::string(term, len), pos); });
}

int hx_doc_add_term(hx_doc *doc, const char *term, size_t len)
{
    return guarded_doc([&] { doc->doc.add_term(std::string(term, len)); });
}

int hx_doc_add_term_wdf(hx_doc *doc, const char *term, size_t len, unsigned wdf)
{
    return guarded_doc([&] { doc->doc.add_term(std::string(term, len), wdf); });
}

int hx_doc_add_boolean(hx_doc *doc, const char *term, size_t len)
{
    return guarded_doc([&] { doc->doc.add_boolean_term(std::string(term, len)); });
}

int hx_doc_set_value(hx_doc *doc, unsigned slot, const char *v, size_t len)
{
    return guarded_doc([&] { doc->doc.add_value(slot, std::string(v, len)); });
}

int hx_doc_set_data(hx_doc *doc, const char *data, size_t len)
{
    return guarded_doc([&] { doc->doc.set_data(std::string(data, len)); });
}

} // extern "C"

// The Xapian query for one node of the C tree, each wildcard expanding to
// at most `expand` terms.
static Xapian::Query to_xapian(const hs_qnode *q, unsigned expand)
{
    switch (q->op) {
    case HS_Q_TERM:
        return Xapian::Query(q->term);
    case HS_Q_MATCH_NOTHING:
        return Xapian::Query(); // not the shared MatchNothing: see below
    case HS_Q_MATCH_ALL:
        // a query of its own, not the shared Query::MatchAll, whose
        // reference count is not safe to copy from several threads at
        // once (xapian/query.h): concurrent path:-only searches in
        // hustings-serve corrupted the heap
        return Xapian::Query(std::string());
    case HS_Q_WILDCARD:
        // at most `expand` terms, the most frequent: a short prefix must not explode
        return Xapian::Query(Xapian::Query::OP_WILDCARD, q->term, expand,
                             Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    case HS_Q_VALUE_RANGE:
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, q->slot, q->lo, q->hi);
    case HS_Q_SCALE:
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, to_xapian(q->kids[0], expand), q->factor);
    case HS_Q_CONST:
        // a fixed weight on every document, restricted to the kid's matches
        return Xapian::Query(Xapian::Query::OP_FILTER,
                             Xapian::Query((new Xapian::FixedWeightPostingSource(q->factor))
                                               ->release()),
                             to_xapian(q->kids[0], expand));
    default:
        break;
    }
    Xapian::Query::op op = Xapian::Query::OP_OR;
    switch (q->op) {
    case HS_Q_AND: op = Xapian::Query::OP_AND; break;
    case HS_Q_OR: op = Xapian::Query::OP_OR; break;
    case HS_Q_AND_NOT: op = Xapian::Query::OP_AND_NOT; break;
    case HS_Q_AND_MAYBE: op = Xapian::Query::OP_AND_MAYBE; break;
    case HS_Q_FILTER: op = Xapian::Query::OP_FILTER; break;
    case HS_Q_PHRASE: op = Xapian::Query::OP_PHRASE; break;
    case HS_Q_NEAR: op = Xapian::Query::OP_NEAR; break;
    default: break;
    }
    std::vector<Xapian::Query> kids;
    kids.reserve(q->n_kids);
    for (size_t i = 0; i < q->n_kids; i++)
        kids.push_back(to_xapian(q->kids[i], expand));
    if ((op == Xapian::Query::OP_AND_NOT || op == Xapian::Query::OP_AND_MAYBE ||
         op == Xapian::Query::OP_FILTER) && kids.size() > 2) {
        // Xapian reads these left-associatively: A op (B OR C ...)
        Xapian::Query rest(Xapian::Query::OP_OR, kids.begin() + 1, kids.end());
        if (op == Xapian::Query::OP_FILTER)
            rest = Xapian::Query(Xapian::Query::OP_AND, kids.begin() + 1, kids.end());
        return Xapian::Query(op, kids[0], rest);
    }
    Xapian::termcount window =
        op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR ? q->window : 0;
    return Xapian::Query(op, kids.begin(), kids.end(), window);
}


static too_costly out_of_time(double seconds)
{
    char why[256];
    hs_time_limit_refusal(seconds, why, sizeof why);
    return too_costly(why);
}

// Every document, for a FILTER beside a query: it checks the clock at
// every 256th candidate the match looks at, and throws too_costly once
// the deadline has passed (Xapian's own time limit only shortens
// check_at_least; it cannot stop a match).  Weighs nothing.
class deadline_guard : public Xapian::PostingSource {
    double deadline, seconds;
    Xapian::docid last = 0, at = 0;
    Xapian::doccount all = 0;
    unsigned calls = 0;

    void check()
    {
        if ((++calls & 255) == 0 && monotonic_seconds() > deadline)
            throw out_of_time(seconds);
    }

  public:
    deadline_guard(double when, double limit) : deadline(when), seconds(limit) {}
    PostingSource *clone() const override { return new deadline_guard(deadline, seconds); }
    void init(const Xapian::Database &db) override
    {
        last = db.get_lastdocid();
        all = db.get_doccount();
        at = 0;
    }
    Xapian::doccount get_termfreq_min() const override { return all; }
    Xapian::doccount get_termfreq_est() const override { return all; }
    Xapian::doccount get_termfreq_max() const override { return all; }
    void next(double) override
    {
        check();
        at++;
    }
    void skip_to(Xapian::docid did, double) override
    {
        check();
        if (did > at)
            at = did;
    }
    bool at_end() const override { return at > last; }
    Xapian::docid get_docid() const override { return at; }
};

static Xapian::Query to_xapian(hx_db *db, const hs_qnode *q)
{
    unsigned each = 0;
    char why[256];
    int refused = hs_wildcard_expansion(q, &each, why, sizeof why);
    if (refused < 0)
        throw std::bad_alloc();
    if (refused)
        throw too_costly(why);
    Xapian::Query query = to_xapian(q, each);
    if (db->deadline <= 0 || db->remote_shards)
        return query;
    if (monotonic_seconds() > db->deadline)
        throw out_of_time(db->time_limit);
    return Xapian::Query(Xapian::Query::OP_FILTER, query,
                         Xapian::Query((new deadline_guard(db->deadline, db->time_limit))->release()));
}

extern "C" void hx_db_set_time_limit(hx_db *db, double seconds)
{
    db->deadline = seconds > 0 ? monotonic_seconds() + seconds : 0;
    db->time_limit = seconds;
}

// Run a search, retrying once when a writer commits under a reader;
// `setup` configures the Enquire, `use` reads the MSet.  Everything is read
// before any callback runs, so a retry never hands a result twice.
// An Enquire of query on db, weighing by BM25: every search's.
static Xapian::Enquire bm25_enquire(hx_db *db, const Xapian::Query &query)
{
    Xapian::Enquire enquire(*db->db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    return enquire;
}

template <typename Setup, typename Use>
static void search_with_retry(hx_db *db, const hs_qnode *q, Setup setup, Use use)
{
    Xapian::Query query = to_xapian(db, q);
    for (int attempt = 0;; attempt++) {
        try {
            Xapian::Enquire enquire = bm25_enquire(db, query);
            setup(enquire);
            use(enquire);
            return;
        } catch (const Xapian::DatabaseModifiedError &) {
            if (attempt > 0 || db->wdb)
                throw;
            db->db->reopen();
        }
    }
}

// hx_accept as Xapian's MatchDecider.
struct accept_decider : Xapian::MatchDecider {
    const hx_accept *accept;
    const Xapian::Database *db = nullptr;   // the database searched
    explicit accept_decider(const hx_accept *a) : accept(a) {}
    bool operator()(const Xapian::Document &doc) const override
    {
        std::string data = doc.get_data();
        return accept->fn(accept->ctx, docid_in_all(doc), data.data(), data.size()) != 0;
    }
    // the decider to pass to get_mset: none when there is nothing to
    // decide, or when remote shards refused it
    const Xapian::MatchDecider *in(const hx_db *h)
    {
        db = h->db;
        return accept && !h->remote_shards ? this : nullptr;
    }

  private:
    // Over several shards Xapian hands the decider a shard's document
    // with the shard's own docid: the docid in the whole database is the
    // one of its group's documents (its group term's postings, all in
    // that shard) that is that docid in its shard.
    Xapian::docid docid_in_all(const Xapian::Document &doc) const
    {
        Xapian::docid local = doc.get_docid();
        Xapian::docid shards = static_cast<Xapian::docid>(db->size());
        if (shards <= 1)
            return local;
        std::string prefix(accept->group_prefix);
        auto t = doc.termlist_begin();
        t.skip_to(prefix);
        if (t == doc.termlist_end() || (*t).compare(0, prefix.size(), prefix) != 0)
            throw Xapian::DatabaseCorruptError("document " + std::to_string(local) + " has no " +
                                               prefix + " term");
        for (auto p = db->postlist_begin(*t); p != db->postlist_end(*t); ++p)
            if (hs_shard_local_docid(*p, shards) == local)
                return *p;
        throw Xapian::DatabaseCorruptError("document " + std::to_string(local) +
                                           " is not among its article's");
    }
};

// Xapian's remote backend takes neither a KeyMaker nor a MatchDecider: the
// first refusal marks the database and the search runs again without them,
// so that over remote shards undated passages sort first going up and exact
// phrases match as their stem phrase with each exact word present.
template <typename Run>
static void unless_remote(hx_db *db, Run run)
{
    try {
        run();
    } catch (const Xapian::UnimplementedError &) {
        if (db->remote_shards)
            throw;
        db->remote_shards = true;
        run();
    }
}

struct found_match {
    Xapian::docid docid;
    double weight;
    std::string data;
};
typedef std::vector<found_match> found_list;

static void read_mset(const Xapian::MSet &mset, int data_slot, bool slot_is_key,
                      found_list *found)
{
    found->clear();
    for (auto m = mset.begin(); m != mset.end(); ++m) {
        if (data_slot == HX_DATA_NONE)
            found->push_back({ *m, m.get_weight(), std::string() });
        else if (data_slot < 0)
            found->push_back({ *m, m.get_weight(), m.get_document().get_data() });
        else if (slot_is_key)
            found->push_back({ *m, m.get_weight(), m.get_collapse_key() });
        else
            found->push_back({ *m, m.get_weight(),
                               m.get_document().get_value(static_cast<Xapian::valueno>(data_slot)) });
    }
}

static void hand_over(const found_list &found, hx_match_fn fn, void *ctx)
{
    for (const auto &f : found)
        if (fn(ctx, f.docid, f.weight, f.data.data(), f.data.size()))
            break;
}

extern "C" hustings_status_t hx_db_search(hx_db *db, const hs_qnode *q, const hx_search_opts *o,
                                          hx_match_fn fn, void *ctx)
{
    return guarded(db, [&] {
        found_list found;
        // a document without the value sorts as match_rules.c says
        Xapian::valueno slot = static_cast<Xapian::valueno>(o->sort_slot);
        Xapian::MultiValueKeyMaker by_value;
        if (o->sort_slot >= 0)
            by_value.add_value(slot, o->descending != 0, hs_unset_sort_value(o->descending));
        auto setup = [&](Xapian::Enquire &e) {
            if (o->sort_slot >= 0 && !db->remote_shards)
                e.set_sort_by_key_then_relevance(&by_value, false);
            else if (o->sort_slot >= 0)
                e.set_sort_by_value_then_relevance(slot, o->descending != 0);
            if (o->collapse_slot >= 0 && o->collapse_max > 0)
                e.set_collapse_key(static_cast<Xapian::valueno>(o->collapse_slot),
                                   o->collapse_max);
        };
        // the value is at hand when it is the collapse key
        bool slot_is_key = o->data_slot >= 0 && o->collapse_slot == o->data_slot &&
                           o->collapse_max > 0;
        accept_decider decider(o->accept);
        auto use = [&](Xapian::Enquire &e) {
            read_mset(e.get_mset(o->offset, o->limit, 0, nullptr, decider.in(db)), o->data_slot,
                      slot_is_key, &found);
        };
        unless_remote(db, [&] { search_with_retry(db, q, setup, use); });
        hand_over(found, fn, ctx);
    });
}

// Exactly the listed documents (sorted, distinct), weighing nothing: the
// right side of a FILTER that needs no posting list.  It has no name, so a
// remote backend refuses it (Xapian::UnimplementedError).
class listed_docs : public Xapian::PostingSource {
    std::vector<Xapian::docid> ids;
    size_t at = 0;
    bool started = false;

  public:
    explicit listed_docs(std::vector<Xapian::docid> docids) : ids(std::move(docids)) {}
    PostingSource *clone() const override { return new listed_docs(ids); }
    void init(const Xapian::Database &) override
    {
        at = 0;
        started = false;
    }
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return ids.size(); }
    Xapian::doccount get_termfreq_max() const override { return ids.size(); }
    void next(double) override
    {
        at += started;
        started = true;
    }
    void skip_to(Xapian::docid did, double) override
    {
        started = true;
        at = static_cast<size_t>(std::lower_bound(ids.begin() + at, ids.end(), did) - ids.begin());
    }
    bool at_end() const override { return started && at >= ids.size(); }
    Xapian::docid get_docid() const override { return ids[at]; }
};

extern "C" int hx_db_can_follow(hx_db *db)
{
    if (db->can_follow >= 0)
        return db->can_follow;
    db->can_follow = 0;
    if (db->remote_shards || db->db->size() != 1)
        return 0;
    // a remote database refuses a PostingSource without a name, before
    // any search; a local one runs this empty one at once
    try {
        Xapian::Enquire enquire(*db->db);
        enquire.set_query(
            Xapian::Query((new listed_docs(std::vector<Xapian::docid>()))->release()));
        enquire.get_mset(0, 0);
        db->can_follow = 1;
    } catch (const Xapian::UnimplementedError &) {
        db->remote_shards = true;
    } catch (const Xapian::Error &) {
        // unknown: the other way, which reports its own errors
    }
    return db->can_follow;
}

extern "C" hustings_status_t hx_db_following_weights(hx_db *db, const hs_qnode *q,
                                                     const char *marker, const unsigned *docids,
                                                     size_t n, double *weights)
{
    return guarded(db, [&] {
        if (!hx_db_can_follow(db))
            throw Xapian::UnimplementedError("several or remote shards: documents cannot be followed");
        // each docid's follower, walking marker's posting list once, in order
        std::vector<std::pair<Xapian::docid, size_t>> order;
        order.reserve(n);
        for (size_t i = 0; i < n; i++)
            order.emplace_back(docids[i], i);
        std::sort(order.begin(), order.end());
        std::vector<Xapian::docid> follower(n, 0), listed;
        Xapian::PostingIterator p = db->db->postlist_begin(marker);
        const Xapian::PostingIterator end = db->db->postlist_end(marker);
        for (const auto &o : order) {
            p.skip_to(o.first);
            if (p == end)
                break;
            follower[o.second] = *p;
            if (listed.empty() || listed.back() != *p)
                listed.push_back(*p);
        }
        std::vector<std::pair<Xapian::docid, double>> found;
        if (!listed.empty()) {
            Xapian::doccount k = static_cast<Xapian::doccount>(listed.size());
            Xapian::Query only(Xapian::Query::OP_FILTER, to_xapian(db, q),
                               Xapian::Query((new listed_docs(std::move(listed)))->release()));
            Xapian::MSet mset = bm25_enquire(db, only).get_mset(0, k);
            for (auto m = mset.begin(); m != mset.end(); ++m)
                found.emplace_back(*m, m.get_weight());
            std::sort(found.begin(), found.end());
        }
        for (size_t i = 0; i < n; i++) {
            auto f = std::lower_bound(found.begin(), found.end(),
                                      std::make_pair(follower[i], -1.0));
            weights[i] = f != found.end() && f->first == follower[i] ? f->second : 0;
        }
    });
}

extern "C" hustings_status_t hx_db_tally(hx_db *db, const hs_qnode *q, const hx_accept *accept,
                                         const unsigned *slots, size_t n, unsigned long *count,
                                         hx_value_count_fn fn, void *ctx)
{
    return guarded(db, [&] {
        struct counted {
            size_t slot_index;
            std::string value;
            Xapian::doccount n;
        };
        std::vector<counted> counts;
        Xapian::doccount matches = 0;
        accept_decider decider(accept);
        unless_remote(db, [&] {
            // counting needs no weights: BoolWeight spares computing them
            // for every match (a count of 'council tax' on bbc-news x4:
            // 1.89 -> 1.32 ms)
            auto unweighted = [](Xapian::Enquire &e) { e.set_weighting_scheme(Xapian::BoolWeight()); };
            search_with_retry(db, q, unweighted, [&](Xapian::Enquire &e) {
                std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
                for (size_t i = 0; i < n; i++) {
                    spies.emplace_back(
                        new Xapian::ValueCountMatchSpy(static_cast<Xapian::valueno>(slots[i])));
                    e.add_matchspy(spies.back().get());
                }
                Xapian::MSet mset =
                    e.get_mset(0, 0, db->db->get_doccount(), nullptr, decider.in(db));
                matches = mset.get_matches_estimated(); // exact: every match was checked
                counts.clear();
                for (size_t i = 0; i < n; i++)
                    for (auto v = spies[i]->values_begin(); v != spies[i]->values_end(); ++v)
                        counts.push_back({ i, *v, v.get_termfreq() });
            });
        });
        *count = matches;
        for (const auto &c : counts)
            if (fn(ctx, c.slot_index, c.value.data(), c.value.size(), c.n))
                break;
    });
}
