// BatchWorkers: the parsing threads of a split reading (parallel_documents: the documents
// of a concatenated file; parallel_records: the records of one bulk document). The reader
// hands batches in and waits for them in the same order, so output keeps the file's order;
// each batch is processed whole by one thread. `process` must not throw: a batch keeps
// what went wrong for the reader to rethrow in order. Stopped and joined by the
// destructor, on every path out, before the batches its threads may still be reading go.
#pragma once

#include "parsers/xml/guard/safe_parser.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace patsub::xml {

template <class Batch>  // has `bool done`
class BatchWorkers {
public:
    BatchWorkers(unsigned count, std::function<void(Batch&)> process) : process_(std::move(process)) {
        install_entity_guard();  // libxml2's one-time set-up, before any thread parses
        threads_.reserve(count);
        try {
            for (unsigned i = 0; i < count; ++i) threads_.emplace_back([this] { work(); });
        } catch (...) {
            stop();
            throw;
        }
    }
    ~BatchWorkers() { stop(); }
    BatchWorkers(const BatchWorkers&) = delete;
    BatchWorkers& operator=(const BatchWorkers&) = delete;

    void submit(Batch* batch) {
        {
            std::lock_guard lock(mutex_);
            queue_.push_back(batch);
        }
        work_ready_.notify_one();
    }

    void wait(const Batch& batch) {
        std::unique_lock lock(mutex_);
        batch_done_.wait(lock, [&] { return batch.done; });
    }

private:
    void work() {
        for (;;) {
            Batch* batch = nullptr;
            {
                std::unique_lock lock(mutex_);
                work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
                if (stopping_) return;
                batch = queue_.front();
                queue_.pop_front();
            }
            process_(*batch);
            {
                std::lock_guard lock(mutex_);
                batch->done = true;
            }
            batch_done_.notify_all();
        }
    }

    void stop() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        work_ready_.notify_all();
        for (std::thread& t : threads_)
            if (t.joinable()) t.join();
    }

    std::function<void(Batch&)> process_;
    std::mutex mutex_;
    std::condition_variable work_ready_;
    std::condition_variable batch_done_;
    std::deque<Batch*> queue_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace patsub::xml
