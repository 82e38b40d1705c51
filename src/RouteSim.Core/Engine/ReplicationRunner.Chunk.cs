namespace RouteSim.Core.Engine;

// A chunk of agents: the unit of work a thread takes, with counters and scratch of its own.
public sealed partial class ReplicationRunner
{
    /// <summary>A contiguous block of one organization's agents with its own counters and scratch.</summary>
    private sealed class Chunk(OrganizationPlan plan, int start, int end, int lanes)
    {
        /// <summary>Agents per block of the three passes: their weights stay in the first-level cache.</summary>
        public const int Block = 512;

        // Every array is padded by a cache line or two: chunks are worked on by different threads side by side,
        // and counters of neighbouring chunks on one cache line would make the cores fight over it.
        private const int Pad = 32;

        public double[] Scratch { get; } = new double[8 * lanes + Pad];
        public int[] PairStart { get; } = new int[plan.Organization.Od.Count + 1 + Pad];
        public int[] PairFill { get; } = new int[plan.Organization.Od.Count + Pad];
        public int[] Acting { get; } = new int[Block + Pad];
        public ulong[] Keys { get; } = new ulong[Block + Pad];

        // Agents the eight-lane bounds did not decide, with their keys, waiting for the exact path (ReplicationRunner.KeepForExactPath).
        // With one od pair it takes them once PendingCapacity or more wait: a block adds at most PendingCapacity (more take it
        // at once). With several, up to twice that wait, flushed before a block's would overflow them.
        public const int PendingCapacity = 32;
        public int[] PendingAgent { get; } = new int[2 * PendingCapacity + Pad];
        public ulong[] PendingKey { get; } = new ulong[2 * PendingCapacity + Pad];
        public int PendingCount { get; set; }

        // The block's acting agents sorted by od pair (ChooseByOdPair), with their key, rho, choice and walk draw.
        public int[] SortedAgent { get; } = new int[Block + Pad];
        public ulong[] SortedKey { get; } = new ulong[Block + Pad];
        public double[] SortedRho { get; } = new double[Block + Pad];
        public long[] SortedChoice { get; } = new long[Block + Pad];
        public double[] SortedWalk { get; } = new double[Block + Pad];
        public OrganizationPlan Plan { get; } = plan;
        public int Start { get; } = start;
        public int End { get; } = end;
        public int[] Endings { get; } = new int[plan.OutcomeCount + Pad];

        /// <summary>Copies of the trip-ending counters kept by the eight-lane walk (ReplicationRunner.WalkLanes.cs), lane l on copy l mod 4; each copy has a slot past the outcomes for lanes that take no trip.</summary>
        public const int LaneEndingCopyCount = 4;
        public int LaneEndingStride { get; } = LaneStride(plan);
        public int[] LaneEndings { get; } = new int[LaneEndingCopyCount * LaneStride(plan) + Pad];

        /// <summary>By lane: the offset of its copy of the counters.</summary>
        public System.Runtime.Intrinsics.Vector512<long> LaneEndingCopies { get; } =
            System.Runtime.Intrinsics.Vector512.Create(0L, 1, 2, 3, 0, 1, 2, 3) * LaneStride(plan);

        private static int LaneStride(OrganizationPlan plan) => (plan.OutcomeCount + 1 + 15) & ~15;

        /// <summary>
        /// The outcomes (relative to the plan's first) the chunk's agents can end in: [OutcomeFrom, OutcomeTo), both
        /// multiples of 16 (OutcomeTo at most LaneEndingStride). Where agents are stored by od pair a chunk holds one to
        /// a few od pairs, so a period clears, folds and records only their outcomes (ReplicationRunner.SetOutcomeWindows).
        /// </summary>
        public int OutcomeFrom { get; set; }

        /// <inheritdoc cref="OutcomeFrom"/>
        public int OutcomeTo { get; set; } = (plan.OutcomeCount + 15) & ~15;

        /// <summary>Clears the counters of the chunk's outcome window, and the lane copies' slot for lanes that take no trip.</summary>
        public void ClearEndings(bool laneCopies)
        {
            int length = OutcomeTo - OutcomeFrom;
            Array.Clear(Endings, OutcomeFrom, length);
            if (!laneCopies) return;
            for (int copy = 0; copy < LaneEndingCopyCount; copy++)
            {
                Array.Clear(LaneEndings, copy * LaneEndingStride + OutcomeFrom, length);
                LaneEndings[copy * LaneEndingStride + Plan.OutcomeCount] = 0;
            }
        }
        public long ActingCount { get; set; }
        public long Abstentions { get; set; }

        /// <summary>Over the replication so far: choices of agents with their own logit weights, and how many of them the bounds decided.</summary>
        public long OwnWeightChoices { get; set; }
        public long DecidedByBounds { get; set; }

        /// <summary>Bytes a chunk holds on the heap (its arrays as allocated above, with .NET's array and object headers), for <see cref="MemoryEstimate"/>.</summary>
        public static long Bytes(OrganizationPlan plan, int lanes)
        {
            const long ArrayHeader = 24, ObjectBytes = 120;
            long od = plan.Organization.Od.Count;
            long elements8 = (8L * lanes + Pad) + 5L * (Block + Pad) + (2L * PendingCapacity + Pad); // Scratch, Keys, SortedKey, SortedRho, SortedChoice, SortedWalk, PendingKey
            long elements4 = (od + 1 + Pad) + (od + Pad) + 2L * (Block + Pad) + (plan.OutcomeCount + Pad) // PairStart, PairFill, Acting, SortedAgent, Endings
                + (LaneEndingCopyCount * LaneStride(plan) + Pad) + (2L * PendingCapacity + Pad); // LaneEndings, PendingAgent
            return ObjectBytes + 64 + 14 * ArrayHeader + 8 * elements8 + 4 * elements4;
        }
    }
}
