using System;
using System.IO;
using CreditApproval.ML;

var trainer = new CreditModelTrainer();
trainer.LoadCsv(Path.Combine(AppContext.BaseDirectory, "Data", "credit_approval.csv"));
trainer.Train();
trainer.Evaluate();
trainer.Save(Path.Combine(AppContext.BaseDirectory, "credit_model.zip"));
