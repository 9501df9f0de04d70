// ceiling.cc - the bare Xapian writer that bench/run.sh times beside
// hustings-index: the floor under any indexer that gives Xapian the same
// passages.  One document per line of standard input (a passage's text),
// its words stemmed in English with positions (Xapian's TermGenerator,
// stems only), nothing else: no reading of files, no parsing, no language
// identification, no fields, no exact forms, no document data.
//
//   ceiling DB < passages.txt
//
// bench/ceiling.sh runs two of them (one per core, as hustings-index runs
// two writers) on the halves of the passages and compacts their indexes
// into one, as hustings-index does.
#include <iostream>
#include <string>

#include <xapian.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: ceiling DB < passages.txt\n";
        return 2;
    }
    try {
        Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator gen;
        gen.set_stemmer(Xapian::Stem("english"));
        gen.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
        std::string line;
        unsigned long n = 0;
        while (std::getline(std::cin, line)) {
            Xapian::Document doc;
            gen.set_document(doc);
            gen.index_text(line);
            db.add_document(doc);
            n++;
        }
        db.commit();
        std::cout << n << " passages\n";
    } catch (const Xapian::Error &e) {
        std::cerr << "ceiling: " << e.get_description() << "\n";
        return 1;
    }
    return 0;
}
